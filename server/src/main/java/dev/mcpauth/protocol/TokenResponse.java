package dev.mcpauth.protocol;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A successful access token response, RFC 6749 section 5.1. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenResponse(
        String accessToken, String tokenType, long expiresIn, String refreshToken, String scope) {}
