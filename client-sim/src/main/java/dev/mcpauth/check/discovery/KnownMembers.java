package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The registered members of the metadata documents, so that a checker can report the others (a typo
 * such as {@code authorization_server} is otherwise silently ignored by every client).
 */
final class KnownMembers {

    /** RFC 9728 section 2 and the IANA OAuth Protected Resource Metadata registry. */
    static final Set<String> RESOURCE =
            Set.of(
                    "resource",
                    "authorization_servers",
                    "jwks_uri",
                    "scopes_supported",
                    "bearer_methods_supported",
                    "resource_signing_alg_values_supported",
                    "resource_name",
                    "resource_documentation",
                    "resource_policy_uri",
                    "resource_tos_uri",
                    "tls_client_certificate_bound_access_tokens",
                    "authorization_details_types_supported",
                    "dpop_signing_alg_values_supported",
                    "dpop_bound_access_tokens_required",
                    "signed_metadata");

    /**
     * RFC 8414 section 2 with the members later RFCs registered, OpenID Connect Discovery 1.0
     * section 3, and MCP's client ID metadata document flag.
     */
    static final Set<String> AUTHORIZATION_SERVER =
            Set.of(
                    "issuer",
                    "authorization_endpoint",
                    "token_endpoint",
                    "jwks_uri",
                    "registration_endpoint",
                    "scopes_supported",
                    "response_types_supported",
                    "response_modes_supported",
                    "grant_types_supported",
                    "token_endpoint_auth_methods_supported",
                    "token_endpoint_auth_signing_alg_values_supported",
                    "service_documentation",
                    "ui_locales_supported",
                    "op_policy_uri",
                    "op_tos_uri",
                    "revocation_endpoint",
                    "revocation_endpoint_auth_methods_supported",
                    "revocation_endpoint_auth_signing_alg_values_supported",
                    "introspection_endpoint",
                    "introspection_endpoint_auth_methods_supported",
                    "introspection_endpoint_auth_signing_alg_values_supported",
                    "code_challenge_methods_supported",
                    "signed_metadata",
                    "device_authorization_endpoint",
                    "tls_client_certificate_bound_access_tokens",
                    "mtls_endpoint_aliases",
                    "pushed_authorization_request_endpoint",
                    "require_pushed_authorization_requests",
                    "authorization_response_iss_parameter_supported",
                    "dpop_signing_alg_values_supported",
                    "end_session_endpoint",
                    "client_id_metadata_document_supported",
                    "userinfo_endpoint",
                    "acr_values_supported",
                    "subject_types_supported",
                    "id_token_signing_alg_values_supported",
                    "id_token_encryption_alg_values_supported",
                    "id_token_encryption_enc_values_supported",
                    "userinfo_signing_alg_values_supported",
                    "userinfo_encryption_alg_values_supported",
                    "userinfo_encryption_enc_values_supported",
                    "request_object_signing_alg_values_supported",
                    "request_object_encryption_alg_values_supported",
                    "request_object_encryption_enc_values_supported",
                    "display_values_supported",
                    "claim_types_supported",
                    "claims_supported",
                    "claims_locales_supported",
                    "claims_parameter_supported",
                    "request_parameter_supported",
                    "request_uri_parameter_supported",
                    "require_request_uri_registration",
                    "check_session_iframe",
                    "frontchannel_logout_supported",
                    "frontchannel_logout_session_supported",
                    "backchannel_logout_supported",
                    "backchannel_logout_session_supported");

    private KnownMembers() {}

    static List<Finding> unknown(JsonNode doc, Set<String> known, Step step, String what) {
        List<String> unknown = new ArrayList<>();
        doc.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!known.contains(name)) {
                                unknown.add(name);
                            }
                        });
        if (unknown.isEmpty()) {
            return List.of();
        }
        return List.of(
                Finding.info(
                                step,
                                "unknown-members",
                                null,
                                what
                                        + " has members no registry defines; clients ignore"
                                        + " them (check for typos)")
                        .evidence(String.join(", ", unknown)));
    }
}
