package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections that never finish a request cannot use up the file descriptors of the listener. */
class ConnectionLimitTest {

    @TempDir Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void leavesHalfOfTheFileDescriptorsForTheStoreByDefault() {
        server = TestServer.start(dataDir, b -> b);
        var os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int limit = ServerConfig.builder(dataDir).build().maxConnections();

        assertTrue(limit > 0 && limit <= os.getMaxFileDescriptorCount() / 2, "limit " + limit);
    }

    @Test
    void aConnectionBeyondTheLimitWaitsAndIsServedOnceOneCloses() throws IOException {
        server = TestServer.start(dataDir, b -> b.maxConnections(2));
        Socket first = partialRequest();
        try (Socket second = partialRequest();
                Socket third = new Socket("127.0.0.1", server.server().port())) {
            third.getOutputStream()
                    .write(
                            ("GET /.well-known/oauth-authorization-server HTTP/1.1\r\n"
                                            + "Host: localhost\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            third.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read());

            first.close();
            third.setSoTimeout(5000);
            String status =
                    new String(third.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(status.startsWith("HTTP/1.1 200"), status);
        }
    }

    private Socket partialRequest() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.server().port());
        socket.getOutputStream().write("POST /token HTTP/1.1\r\nHost: localhost\r\n".getBytes());
        return socket;
    }
}
