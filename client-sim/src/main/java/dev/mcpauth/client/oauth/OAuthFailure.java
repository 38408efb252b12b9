package dev.mcpauth.client.oauth;

/**
 * An error answer of the token or registration endpoint (RFC 6749 section 5.2, RFC 7591 section
 * 3.2.2), which the profiles react to by its code.
 */
public final class OAuthFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public OAuthFailure(String endpoint, int status, String error, String description) {
        super(
                endpoint
                        + " answered "
                        + status
                        + (error == null ? "" : " " + error)
                        + (description == null ? "" : ": " + description));
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error == null ? "" : error;
    }

    public boolean invalidClient() {
        return error().equals("invalid_client") || error().equals("unauthorized_client");
    }

    public boolean invalidGrant() {
        return error().equals("invalid_grant");
    }
}
