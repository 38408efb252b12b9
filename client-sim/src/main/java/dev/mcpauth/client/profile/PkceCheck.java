package dev.mcpauth.client.profile;

import java.util.List;
import java.util.Optional;

/**
 * What a client requires of {@code code_challenge_methods_supported} before it sends an
 * authorization request. Every profile sends S256; they differ in what they refuse.
 */
public enum PkceCheck {
    /** VS Code and Python SDK 1.29 send S256 without looking at the metadata. */
    NOT_CHECKED,
    /** TS SDK: refuses only a list that is present and lacks S256. */
    REFUSE_LIST_WITHOUT_S256,
    /**
     * MCP 2025-11-25, Authorization: S256 must be advertised; without the member the client must
     * refuse to proceed.
     */
    REQUIRE_S256_ADVERTISED;

    /** Why the client refuses the authorization server, or empty. */
    public Optional<String> problem(List<String> methods) {
        boolean listed = methods != null;
        boolean s256 = listed && methods.contains("S256");
        if (this == REFUSE_LIST_WITHOUT_S256 && listed && !s256) {
            return Optional.of(
                    "code_challenge_methods_supported " + methods + " does not include S256");
        }
        if (this == REQUIRE_S256_ADVERTISED && !s256) {
            return Optional.of(
                    listed
                            ? "code_challenge_methods_supported " + methods + " lacks S256"
                            : "the metadata has no code_challenge_methods_supported; MCP clients"
                                    + " must refuse an authorization server that does not"
                                    + " advertise S256");
        }
        return Optional.empty();
    }
}
