package dev.mcpauth.check.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of {@code token verify}: which key set was used, which key matched the token's {@code
 * kid}, and whether the signature holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignatureCheck(
        String fingerprint,
        String alg,
        String kid,
        String jwksUri,
        int keysInSet,
        boolean verified,
        String detail) {}
