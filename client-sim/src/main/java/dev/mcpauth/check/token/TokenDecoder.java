package dev.mcpauth.check.token;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.BadInputException;
import dev.mcpauth.check.Durations;
import dev.mcpauth.check.token.TokenReport.InstancePart;
import dev.mcpauth.check.token.TokenReport.JwtPart;
import dev.mcpauth.check.token.TokenReport.OpaquePart;
import dev.mcpauth.check.token.TokenReport.TimeClaim;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.token.InstanceToken;
import dev.mcpauth.token.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a bearer token offline: an instance-prefixed token ({@code {instanceId}.{secret}}), a JWT
 * (RFC 7519; its signature is not checked here) or an opaque string (RFC 6750 section 2.1).
 */
public final class TokenDecoder {

    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern INSTANCE_LABEL = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final List<String> TIME_CLAIMS = List.of("iat", "nbf", "exp", "auth_time");
    private static final String UNSECURED = "none";

    /** What {@code token decode} and {@code token verify} say of an {@code alg: none} JWT. */
    public static final String UNSECURED_NOTE =
            "unsigned (alg none, RFC 7519 section 6): anyone can forge it, and a resource server"
                    + " must refuse it";

    private TokenDecoder() {}

    /** The decoded parts; {@code server} and {@code verdicts} are left for the inspector. */
    public static TokenReport decode(String token, Instant now, boolean reveal) {
        if (!B64TOKEN.matcher(token).matches()) {
            throw new BadInputException(
                    "the token has characters a bearer token cannot have (RFC 6750 section 2.1);"
                            + " paste the token exactly as sent");
        }
        String[] parts = token.split("\\.", -1);
        // An unsecured JWT (RFC 7519 section 6) ends in a dot: its signature part is empty.
        boolean unsecured = parts.length == 3 && parts[2].isEmpty();
        if (Arrays.stream(parts).limit(unsecured ? 2 : parts.length).anyMatch(String::isEmpty)) {
            throw new BadInputException(
                    "the token has an empty part between dots; it was probably cut when copied");
        }
        TokenReport base =
                new TokenReport(
                        null,
                        token.length(),
                        Secrets.fingerprint(token),
                        reveal ? token : null,
                        null,
                        null,
                        null,
                        null,
                        List.of());
        return switch (parts.length) {
            case 1 -> withOpaque(base, token);
            case 2 -> instance(base, parts, token, now);
            case 3 -> withJwt(base, jwt(parts, now));
            case 5 ->
                    throw new BadInputException(
                            "the token has 5 parts: an encrypted JWT (JWE, RFC 7516); only the"
                                    + " server holding its key can read it");
            default ->
                    throw new BadInputException(
                            "the token has "
                                    + parts.length
                                    + " dot-separated parts: neither a JWT (3) nor an"
                                    + " instance-prefixed token (2); check that it was copied"
                                    + " whole and only once");
        };
    }

    private static TokenReport instance(
            TokenReport base, String[] parts, String token, Instant now) {
        if (!INSTANCE_LABEL.matcher(parts[0]).matches()) {
            return withOpaque(base, token);
        }
        var parsed = InstanceToken.parse(token);
        String startedAt = parsed.map(t -> t.startedAt().toString()).orElse(null);
        String ago = parsed.map(t -> Durations.relative(t.startedAt(), now)).orElse(null);
        InstancePart part =
                new InstancePart(
                        parts[0], startedAt, ago, Secrets.fingerprint(parts[1]), parts[1].length());
        return new TokenReport(
                TokenReport.INSTANCE,
                base.length(),
                base.fingerprint(),
                base.token(),
                part,
                null,
                null,
                null,
                List.of());
    }

    private static TokenReport withOpaque(TokenReport base, String token) {
        return new TokenReport(
                TokenReport.OPAQUE,
                base.length(),
                base.fingerprint(),
                base.token(),
                null,
                null,
                opaque(token),
                null,
                List.of());
    }

    private static TokenReport withJwt(TokenReport base, JwtPart jwt) {
        return new TokenReport(
                TokenReport.JWT,
                base.length(),
                base.fingerprint(),
                base.token(),
                null,
                jwt,
                null,
                null,
                List.of());
    }

    static OpaquePart opaque(String token) {
        String alphabet;
        int size;
        if (token.matches("[0-9]+")) {
            alphabet = "decimal digits";
            size = 10;
        } else if (token.matches("[0-9a-f]+") || token.matches("[0-9A-F]+")) {
            alphabet = "hex";
            size = 16;
        } else if (token.matches("[A-Za-z0-9]+")) {
            alphabet = "letters and digits";
            size = 62;
        } else if (token.matches("[A-Za-z0-9_-]+")) {
            alphabet = "base64url";
            size = 64;
        } else if (token.matches("[A-Za-z0-9+/]+=*")) {
            alphabet = "base64";
            size = 64;
        } else {
            alphabet = "bearer token characters (RFC 6750 b64token)";
            size = 66;
        }
        int bits = (int) Math.floor(token.length() * Math.log(size) / Math.log(2));
        return new OpaquePart(alphabet, size, bits);
    }

    private static JwtPart jwt(String[] parts, Instant now) {
        JsonNode header = jsonPart(parts[0], "header");
        if (!header.has("alg")) {
            throw new BadInputException(
                    "the token has three parts but its header has no 'alg': not a JWT");
        }
        String alg = header.path("alg").asText();
        if (parts[2].isEmpty() && !UNSECURED.equals(alg)) {
            throw new BadInputException(
                    "the JWT has no signature part, but its header says alg "
                            + alg
                            + "; it was probably cut when copied");
        }
        JsonNode claims = jsonPart(parts[1], "payload");
        List<TimeClaim> times = new ArrayList<>();
        for (String name : TIME_CLAIMS) {
            JsonNode value = claims.get(name);
            if (value != null && value.canConvertToLong()) {
                Instant at = Instant.ofEpochSecond(value.asLong());
                times.add(
                        new TimeClaim(
                                name, value.asLong(), at.toString(), Durations.relative(at, now)));
            }
        }
        Boolean expired =
                claims.has("exp") && claims.get("exp").canConvertToLong()
                        ? !now.isBefore(Instant.ofEpochSecond(claims.get("exp").asLong()))
                        : null;
        return new JwtPart(
                header,
                claims,
                List.copyOf(times),
                expired,
                stringsOf(claims.get("aud")),
                scopesOf(claims),
                claims.hasNonNull("azp") ? claims.get("azp").asText() : null,
                null,
                signature(alg, parts[2]));
    }

    /** Whether a decoded token is a JWT that says it has no signature (alg none). */
    public static boolean unsecured(TokenReport report) {
        return report.jwt() != null && UNSECURED.equals(report.jwt().header().path("alg").asText());
    }

    private static String signature(String alg, String part) {
        if (!UNSECURED.equals(alg)) {
            return "not verified";
        }
        return part.isEmpty()
                ? UNSECURED_NOTE
                : UNSECURED_NOTE
                        + "; it carries a signature part anyway, which section 6.1 forbids";
    }

    private static JsonNode jsonPart(String part, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "the JWT " + name + " is not valid base64url; was the token cut or altered?");
        }
        try {
            JsonNode node = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new BadInputException("the JWT " + name + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadInputException("the JWT " + name + " is base64url but not JSON");
        }
    }

    /** {@code aud} is a string or an array of strings (RFC 7519 section 4.1.3). */
    static List<String> stringsOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asText()));
            return List.copyOf(out);
        }
        return List.of(node.asText());
    }

    /** {@code scope} is space-separated (RFC 9068, RFC 8693); {@code scp} is a common array. */
    private static List<String> scopesOf(JsonNode claims) {
        JsonNode scope = claims.has("scope") ? claims.get("scope") : claims.get("scp");
        if (scope == null) {
            return List.of();
        }
        if (scope.isArray()) {
            return stringsOf(scope);
        }
        return Arrays.stream(scope.asText().split(" ")).filter(s -> !s.isEmpty()).toList();
    }
}
