package dev.mcpauth.check.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.check.BadInputException;
import dev.mcpauth.check.Exchange;
import dev.mcpauth.check.Fetcher;
import dev.mcpauth.check.McpRequests;
import dev.mcpauth.check.MetadataLookup;
import dev.mcpauth.check.UnreachableException;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.token.Secrets;
import java.net.URI;
import java.security.Key;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code token verify}: checks a JWT's signature (RFC 7515) against a JSON Web Key Set (RFC 7517),
 * named directly or found through the server's metadata ({@code jwks_uri}, RFC 8414 section 2).
 */
public final class JwtSignatureVerifier {

    private JwtSignatureVerifier() {}

    public static SignatureCheck verify(String pasted, URI jwksUri, URI server, Duration timeout) {
        String token = TokenInput.extract(pasted);
        if (TokenDecoder.unsecured(TokenDecoder.decode(token, java.time.Instant.now(), false))) {
            // Nothing to fetch: no key verifies a token that has no signature.
            return new SignatureCheck(
                    Secrets.fingerprint(token),
                    "none",
                    null,
                    null,
                    0,
                    false,
                    TokenDecoder.UNSECURED_NOTE);
        }
        SignedJWT jwt = parse(token);
        try (Fetcher fetcher = new Fetcher(timeout)) {
            URI keys = jwksUri != null ? jwksUri : jwksFromServer(fetcher, server);
            JWKSet set = fetchKeys(fetcher, keys);
            return check(token, jwt, set, keys);
        }
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new BadInputException("not a signed JWT: " + e.getMessage());
        }
    }

    private static URI jwksFromServer(Fetcher fetcher, URI server) {
        if (server == null) {
            throw new BadInputException("name the keys: --jwks URL, or --server URL");
        }
        Exchange init =
                fetcher.send(
                        "POST", server, McpRequests.postHeaders(null), McpRequests.initialize());
        if (!init.answered()) {
            throw new UnreachableException(server + ": " + init.error(), null);
        }
        String challengeUrl =
                init.header("WWW-Authenticate")
                        .flatMap(BearerChallenge::parse)
                        .map(BearerChallenge::resourceMetadata)
                        .orElse(null);
        MetadataLookup lookup = new MetadataLookup(fetcher);
        JsonNode as =
                lookup.resourceMetadata(server, challengeUrl)
                        .map(d -> d.path("authorization_servers").path(0).asText(null))
                        .flatMap(a -> lookup.authorizationServerMetadata(URI.create(a)))
                        .orElseThrow(
                                () ->
                                        new BadInputException(
                                                "found no authorization server metadata for "
                                                        + server
                                                        + "; pass --jwks URL"));
        String jwks = MetadataLookup.text(as, "jwks_uri");
        if (jwks == null) {
            throw new BadInputException(
                    "the authorization server publishes no jwks_uri: its tokens are not"
                            + " verifiable JWTs; pass --jwks URL if you know the keys");
        }
        return URI.create(jwks);
    }

    private static JWKSet fetchKeys(Fetcher fetcher, URI url) {
        Exchange answer = fetcher.get(url, Map.of("Accept", "application/json"));
        if (!answer.answered()) {
            throw new UnreachableException(url + ": " + answer.error(), null);
        }
        if (!answer.ok() || answer.truncated()) {
            throw new BadInputException(
                    url + " answered " + answer.status() + ", not a key set (RFC 7517)");
        }
        try {
            return JWKSet.parse(answer.body());
        } catch (ParseException e) {
            throw new BadInputException(url + " is not a JSON Web Key Set: " + e.getMessage());
        }
    }

    private static SignatureCheck check(String token, SignedJWT jwt, JWKSet set, URI keys) {
        var header = jwt.getHeader();
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        List<JWK> candidates = new JWKSelector(matcher).select(set);
        String fp = Secrets.fingerprint(token);
        String alg = header.getAlgorithm().getName();
        String kid = header.getKeyID();
        int size = set.getKeys().size();
        if (candidates.isEmpty()) {
            return new SignatureCheck(
                    fp,
                    alg,
                    kid,
                    keys.toString(),
                    size,
                    false,
                    "no key in the set matches kid=" + kid + " and alg=" + alg);
        }
        DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
        for (Key key : KeyConverter.toJavaKeys(candidates)) {
            try {
                JWSVerifier verifier = factory.createJWSVerifier(header, key);
                if (jwt.verify(verifier)) {
                    return new SignatureCheck(
                            fp, alg, kid, keys.toString(), size, true, "signature valid");
                }
            } catch (JOSEException e) {
                // a key of the wrong type for this algorithm: try the next candidate
            }
        }
        return new SignatureCheck(
                fp,
                alg,
                kid,
                keys.toString(),
                size,
                false,
                "signature does not match any key for kid=" + kid);
    }
}
