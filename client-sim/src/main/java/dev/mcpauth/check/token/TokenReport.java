package dev.mcpauth.check.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What can be read from a token without the server's keys, and, when a server was named, what the
 * server says about it. The token itself appears only when the caller asked to reveal it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenReport(
        String kind,
        int length,
        String fingerprint,
        String token,
        InstancePart instance,
        JwtPart jwt,
        OpaquePart opaque,
        ServerAnswer server,
        List<String> verdicts) {

    public static final String INSTANCE = "instance";
    public static final String JWT = "jwt";
    public static final String OPAQUE = "opaque";

    /**
     * An instance-prefixed token {@code {instanceId}.{secret}}; {@code startedAt} only when the id
     * is a start time in epoch milliseconds, as mcpauth server writes it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InstancePart(
            String instanceId,
            String startedAt,
            String startedAgo,
            String secretFingerprint,
            int secretLength) {}

    /** A JWT read without checking its signature (RFC 7519, RFC 9068 for access tokens). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record JwtPart(
            JsonNode header,
            JsonNode claims,
            List<TimeClaim> times,
            Boolean expired,
            List<String> aud,
            List<String> scopes,
            String azp,
            AudienceCheck audience,
            String signature) {}

    /** A NumericDate claim in human form. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TimeClaim(String name, long epochSeconds, String iso, String relative) {}

    /** Whether the token's audience names the resource it is presented to (RFC 8707). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AudienceCheck(String resource, String resourceSource, boolean matches) {}

    /** What a random-looking token tells: how long, which characters, how much entropy at most. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OpaquePart(String alphabet, int alphabetSize, int estimatedEntropyBits) {}

    /**
     * What the server said when the token was presented: accepted or not, the challenge it sent
     * with its {@code error} and {@code error_description} (RFC 6750), and the instance that is
     * running now when the server tells it. {@code refused} is true when the server judged the
     * token and turned it down: 401 (not accepted at all, e.g. invalid_token) or 403 (accepted, but
     * not for this request, e.g. insufficient_scope).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServerAnswer(
            String url,
            int status,
            boolean accepted,
            boolean refused,
            String error,
            String errorDescription,
            String challenge,
            String currentInstance,
            Boolean fromCurrentInstance,
            String resource,
            String introspectionEndpoint) {}
}
