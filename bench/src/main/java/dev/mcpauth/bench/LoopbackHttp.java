package dev.mcpauth.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client for load on loopback: one kept-alive connection per
 * instance, blocking I/O, bodies by {@code Content-Length} or chunked. It costs far less CPU than
 * {@code java.net.http.HttpClient}, which matters when client and server share two cores. Not
 * thread-safe: one instance per worker.
 */
final class LoopbackHttp implements AutoCloseable {

    /** A response: status, headers with lower-case names (last value wins), body as text. */
    record Response(int status, Map<String, String> headers, String body) {}

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long reconnects;

    LoopbackHttp(URI origin) {
        this.host = origin.getHost();
        this.port = origin.getPort() < 0 ? 80 : origin.getPort();
    }

    /** How often a kept-alive connection had been closed by the server and was reopened. */
    long reconnects() {
        return reconnects;
    }

    Response get(String pathAndQuery) throws IOException {
        return exchange("GET", pathAndQuery, null, null);
    }

    Response post(String path, String contentType, String body) throws IOException {
        return exchange("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private Response exchange(String method, String target, String contentType, byte[] body)
            throws IOException {
        boolean fresh = socket == null;
        if (fresh) {
            connect();
        }
        try {
            send(method, target, contentType, body);
            return receive();
        } catch (EOFException | SocketException e) {
            close();
            if (fresh) {
                throw e;
            }
            // The server closed the idle connection just before we reused it: open another.
            reconnects++;
            connect();
            send(method, target, contentType, body);
            return receive();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private void send(String method, String target, String contentType, byte[] body)
            throws IOException {
        StringBuilder head =
                new StringBuilder(256)
                        .append(method)
                        .append(' ')
                        .append(target)
                        .append(" HTTP/1.1\r\nHost: ")
                        .append(host)
                        .append(':')
                        .append(port)
                        .append("\r\nAccept: application/json\r\n");
        if (body != null) {
            head.append("Content-Type: ")
                    .append(contentType)
                    .append("\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = headBytes;
        if (body != null) {
            request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
        }
        out.write(request);
        out.flush();
    }

    private Response receive() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("the server closed the connection");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        byte[] body = readBody(headers);
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] readBody(Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = readLine();
                if (size == null) {
                    throw new IOException("connection closed inside a chunked body");
                }
                int semicolon = size.indexOf(';');
                int length =
                        Integer.parseInt(
                                (semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (length == 0) {
                    while (true) {
                        String trailer = readLine();
                        if (trailer == null || trailer.isEmpty()) {
                            return body.toByteArray();
                        }
                    }
                }
                body.write(in.readNBytes(length));
                readLine();
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        int expected = Integer.parseInt(length);
        byte[] body = in.readNBytes(expected);
        if (body.length != expected) {
            throw new IOException("connection closed inside a body");
        }
        return body;
    }

    /** One CRLF-terminated line in ASCII, or null at the end of the stream. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r'
                        ? line.substring(0, end - 1)
                        : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a loopback socket we are done with: nothing to report.
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
