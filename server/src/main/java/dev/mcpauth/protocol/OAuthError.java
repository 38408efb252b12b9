package dev.mcpauth.protocol;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An OAuth error response body: RFC 6749 section 5.2 for the token endpoint, RFC 7591 section 3.2.2
 * for registration. The code names the error class; the description says what to do about it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OAuthError(String error, String errorDescription) {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String INVALID_TARGET = "invalid_target";
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    public static final String UNSUPPORTED_TOKEN_TYPE = "unsupported_token_type";
    // RFC 6749 section 4.1.2.1; used on every OAuth endpoint when the store fails.
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
}
