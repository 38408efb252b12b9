package dev.mcpauth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.IssuedToken;
import dev.mcpauth.store.RegisteredClient;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.Secrets;
import dev.mcpauth.token.TokenFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** What the token command tests share: the case 06 token, servers, tokens, JSON helpers. */
final class TokenFixtures {

    static final JsonNode CASE_06 = Cases.json("06-missing-resource-aud-is-client-id.json");
    static final String CASE_06_TOKEN = CASE_06.get("access_token").asText();

    private TokenFixtures() {}

    static Run run(String... args) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> CliTest.run(args));
    }

    static String sign(RSAKey key) throws Exception {
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer("http://localhost:9000")
                        .audience("http://localhost:3000/mcp")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static McpAuthServer memoryServer(Path dir, Set<Workaround> workarounds) {
        return McpAuthServer.start(
                ServerConfig.builder(dir)
                        .port(0)
                        .store(StoreKind.MEMORY)
                        .workarounds(workarounds)
                        .build());
    }

    static String resource(McpAuthServer server) {
        return server.urls().resource();
    }

    /** An access token as the token endpoint would have issued it, for scope mcp. */
    static String storeToken(McpAuthServer server) {
        String token = TokenFormat.INSTANCE.mint(server.instance().id());
        Instant now = Instant.now();
        server.store()
                .saveClient(
                        new RegisteredClient(
                                "client-1",
                                null,
                                "none",
                                List.of("http://127.0.0.1:33418/"),
                                "test client",
                                List.of("authorization_code"),
                                "{}",
                                now));
        server.store()
                .saveTokens(
                        List.of(
                                new IssuedToken(
                                        Secrets.hash(token),
                                        IssuedToken.Kind.ACCESS,
                                        "client-1",
                                        "grant-1",
                                        "mcp",
                                        server.urls().resource(),
                                        server.instance().id(),
                                        now,
                                        now.plusSeconds(3600),
                                        null,
                                        null)));
        return token;
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
