package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.annotation.JsonValue;

/** The steps of discovery, in the order a client takes them; output is grouped by them. */
public enum Step {
    CHALLENGE("challenge", "unauthenticated initialize and its WWW-Authenticate challenge"),
    RESOURCE_METADATA("resource-metadata", "protected resource metadata (RFC 9728)"),
    AUTHORIZATION_SERVER(
            "authorization-server", "authorization server metadata (RFC 8414, OIDC Discovery)"),
    CORS("cors", "browser access (CORS)"),
    CLIENTS("clients", "per-client verdicts");

    private final String id;
    private final String title;

    Step(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
