package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each workaround of the original plan changes exactly what it says it changes. */
class WorkaroundTest {

    @TempDir Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer start(Workaround workaround) {
        return TestServer.start(
                dataDir, b -> b.store(StoreKind.MEMORY).workarounds(Set.of(workaround)));
    }

    private BearerChallenge challenge(HttpResponse<String> res) {
        return BearerChallenge.parse(res.headers().firstValue("WWW-Authenticate").orElseThrow())
                .orElseThrow();
    }

    @Test
    void dynamicScopeAddsTheInstanceScopeThatChangesOnRestart() {
        server = start(Workaround.DYNAMIC_SCOPE);
        String first = challenge(server.mcp(null, null, TestServer.INITIALIZE)).scope();

        server.restart();
        String second = challenge(server.mcp(null, null, TestServer.INITIALIZE)).scope();

        assertEquals("mcp server-instance-" + server.server().instance().id(), second);
        assertNotEquals(first, second);
        assertTrue(server.login().get("access_token").isTextual(), "the scope can be granted");
    }

    @Test
    void issuerRotationMakesTheIssuerDifferFromTheAuthorizationServerUrl() {
        server = start(Workaround.ISSUER_ROTATION);
        JsonNode prm = TestServer.json(server.get("/.well-known/oauth-protected-resource/mcp"));
        JsonNode as = TestServer.json(server.get("/.well-known/oauth-authorization-server"));

        assertNotEquals(prm.at("/authorization_servers/0").asText(), as.get("issuer").asText());
        assertTrue(
                as.get("issuer").asText().endsWith("/instance-" + server.server().instance().id()));
    }

    @Test
    void invalidTokenDetailNamesBothInstances() {
        server = start(Workaround.INVALID_TOKEN_DETAIL);
        String token = server.login().get("access_token").asText();
        long issuer = server.server().instance().id();

        server.restart();
        String detail =
                challenge(server.mcp(token, null, TestServer.INITIALIZE)).errorDescription();

        assertTrue(detail.contains("restarted"), detail);
        assertTrue(detail.contains(String.valueOf(issuer)), detail);
        assertTrue(detail.contains(String.valueOf(server.server().instance().id())), detail);
    }

    @Test
    void asUrlRotationPublishesAPerStartAuthorizationServer() {
        server = start(Workaround.AS_URL_ROTATION);
        String asUrl =
                TestServer.json(server.get("/.well-known/oauth-protected-resource/mcp"))
                        .at("/authorization_servers/0")
                        .asText();
        String path =
                "/.well-known/oauth-authorization-server/as/" + server.server().instance().id();

        JsonNode as = TestServer.json(server.get(path));

        assertEquals(server.url("/as/" + server.server().instance().id()), asUrl);
        assertEquals(asUrl, as.get("issuer").asText());
        server.restart();
        assertEquals(404, server.get(path).statusCode());
    }
}
