package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.MetadataLookup;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks authorization server metadata (RFC 8414 section 2) against what MCP clients need: the
 * issuer echo, the required members, PKCE S256, a way to register, https endpoints.
 */
final class AuthorizationServerChecks {

    private static final List<String> REQUIRED =
            List.of(
                    "issuer",
                    "authorization_endpoint",
                    "token_endpoint",
                    "response_types_supported");
    private static final List<String> ENDPOINTS =
            List.of(
                    "authorization_endpoint",
                    "token_endpoint",
                    "registration_endpoint",
                    "revocation_endpoint",
                    "introspection_endpoint",
                    "jwks_uri");

    private AuthorizationServerChecks() {}

    static List<Finding> check(String asUrl, URI foundAt, JsonNode as) {
        List<Finding> out = new ArrayList<>();
        out.add(
                Finding.info(
                        Step.AUTHORIZATION_SERVER,
                        "as-found",
                        foundAt.getPath().contains("openid-configuration")
                                ? "OpenID Connect Discovery 1.0 section 4"
                                : "RFC 8414 section 3",
                        "authorization server metadata for " + asUrl + " found at " + foundAt));
        out.addAll(
                KnownMembers.unknown(
                        as,
                        KnownMembers.AUTHORIZATION_SERVER,
                        Step.AUTHORIZATION_SERVER,
                        "the authorization server metadata"));
        checkIssuer(asUrl, MetadataLookup.text(as, "issuer"), out);
        checkRequired(as, out);
        checkPkce(as, out);
        checkRegistration(as, out);
        for (String member : ENDPOINTS) {
            String url = MetadataLookup.text(as, member);
            if (url != null && Documents.insecure(url)) {
                out.add(
                        Finding.error(
                                        Step.AUTHORIZATION_SERVER,
                                        "insecure-endpoint",
                                        "OAuth 2.1 section 1.5; MCP 2025-11-25 Communication"
                                                + " Security",
                                        member
                                                + " "
                                                + url
                                                + " is plain http on a non-loopback host")
                                .fix("serve every endpoint over https"));
            }
        }
        return out;
    }

    /** A trailing '/' on an issuer with a path is dropped before inserting (RFC 8414 3.1). */
    static List<Finding> locationNotes(URI asUrl) {
        String raw = asUrl.toString();
        if (!raw.endsWith("/") || WellKnown.trimmedPath(asUrl).isEmpty()) {
            return List.of();
        }
        return List.of(
                Finding.info(
                        Step.AUTHORIZATION_SERVER,
                        "issuer-trailing-slash",
                        "RFC 8414 section 3.1",
                        "the authorization server URL ends in '/': its terminating '/' is"
                                + " removed before the well-known segment is inserted ("
                                + WellKnown.pathInserted(asUrl, WellKnown.AUTHORIZATION_SERVER)
                                + "), but the document's issuer must still be "
                                + raw
                                + " exactly"));
    }

    private static void checkIssuer(String asUrl, String issuer, List<Finding> out) {
        if (issuer == null || issuer.equals(asUrl)) {
            return;
        }
        List<String> strict = profileNames(p -> p.issuerCheck().problem(asUrl, issuer).isPresent());
        List<String> lenient = profileNames(p -> p.issuerCheck().problem(asUrl, issuer).isEmpty());
        boolean rootSlash =
                strip(issuer).equals(strip(asUrl))
                        && WellKnown.trimmedPath(URI.create(strip(asUrl))).isEmpty();
        String note =
                rootSlash
                        ? " Root-path-only difference: both yield the same metadata URL, so"
                                + " lenient clients connect while strict ones abort before login."
                        : "";
        out.add(
                Finding.error(
                                Step.AUTHORIZATION_SERVER,
                                "issuer-mismatch",
                                "RFC 8414 section 3.3",
                                "as_metadata.issuer '"
                                        + issuer
                                        + "' != prm.authorization_servers[0] '"
                                        + asUrl
                                        + "' (the strings must be identical)."
                                        + note)
                        .evidence("rejected by: " + strict + "; accepted by: " + lenient)
                        .fix("publish one byte-identical string in both documents"));
    }

    private static void checkRequired(JsonNode as, List<Finding> out) {
        for (String member : REQUIRED) {
            if (!as.hasNonNull(member)) {
                out.add(
                        Finding.error(
                                        Step.AUTHORIZATION_SERVER,
                                        "missing-" + member.replace('_', '-'),
                                        "RFC 8414 section 2",
                                        "the metadata has no " + member + " (REQUIRED)")
                                .fix("add " + member));
            }
        }
        JsonNode types = as.get("response_types_supported");
        if (types != null && !contains(types, "code")) {
            out.add(
                    Finding.error(
                                    Step.AUTHORIZATION_SERVER,
                                    "no-code-response-type",
                                    "OAuth 2.1 section 4.1",
                                    "response_types_supported " + types + " lacks \"code\"")
                            .fix("support and advertise the authorization code flow"));
        }
    }

    private static void checkPkce(JsonNode as, List<Finding> out) {
        JsonNode methods = as.get("code_challenge_methods_supported");
        List<String> listed = methods == null ? null : strings(methods);
        List<String> refuse = profileNames(p -> p.pkceCheck().problem(listed).isPresent());
        List<String> proceed = profileNames(p -> p.pkceCheck().problem(listed).isEmpty());
        String who = " Refused by: " + refuse + "; proceeding anyway: " + proceed + ".";
        if (listed == null) {
            out.add(
                    Finding.error(
                                    Step.AUTHORIZATION_SERVER,
                                    "pkce-not-advertised",
                                    "MCP 2025-11-25 Authorization, Authorization Code Protection",
                                    "code_challenge_methods_supported absent -> MCP 2025-11-25"
                                            + " clients must refuse to proceed."
                                            + who)
                            .fix("advertise \"code_challenge_methods_supported\": [\"S256\"]"));
            return;
        }
        if (!listed.contains("S256")) {
            out.add(
                    Finding.error(
                                    Step.AUTHORIZATION_SERVER,
                                    "pkce-no-s256",
                                    "OAuth 2.1 section 4.1.1; MCP 2025-11-25 Authorization",
                                    "code_challenge_methods_supported "
                                            + listed
                                            + " lacks S256."
                                            + who)
                            .fix("support S256"));
        }
        if (listed.contains("plain")) {
            out.add(
                    Finding.warning(
                                    Step.AUTHORIZATION_SERVER,
                                    "pkce-plain",
                                    "OAuth 2.1 section 4.1.1",
                                    "'plain' is advertised; OAuth 2.1 and MCP require S256."
                                            + " Also make sure an authorization request without"
                                            + " code_challenge_method is not silently treated as"
                                            + " plain")
                            .fix("advertise only S256"));
        }
    }

    private static void checkRegistration(JsonNode as, List<Finding> out) {
        boolean dcr = as.hasNonNull("registration_endpoint");
        boolean cimd = as.path("client_id_metadata_document_supported").asBoolean(false);
        if (!dcr && !cimd) {
            out.add(
                    Finding.warning(
                                    Step.AUTHORIZATION_SERVER,
                                    "no-registration",
                                    "MCP 2025-11-25 Authorization, Client Registration"
                                            + " Approaches",
                                    "neither registration_endpoint (RFC 7591) nor"
                                            + " client_id_metadata_document_supported: only"
                                            + " clients with a pre-registered client id can log"
                                            + " in")
                            .fix("offer dynamic registration or client ID metadata documents"));
            return;
        }
        if (!dcr) {
            return;
        }
        JsonNode methods = as.get("token_endpoint_auth_methods_supported");
        if (methods == null) {
            out.add(
                    Finding.warning(
                                    Step.AUTHORIZATION_SERVER,
                                    "token-auth-method-default",
                                    "RFC 8414 section 2; RFC 7591 section 2",
                                    "token_endpoint_auth_methods_supported is absent, so it"
                                            + " defaults to client_secret_basic; public clients"
                                            + " that register with \"none\" (or send nothing and"
                                            + " get the client_secret_basic default) may be"
                                            + " refused or issued a secret they never send")
                            .fix(
                                    "advertise the methods you accept, including \"none\" for"
                                            + " public clients, and apply the same default at"
                                            + " the registration endpoint"));
        } else if (!contains(methods, "none")) {
            out.add(
                    Finding.warning(
                                    Step.AUTHORIZATION_SERVER,
                                    "no-public-clients",
                                    "OAuth 2.1 section 2.1",
                                    "token_endpoint_auth_methods_supported "
                                            + methods
                                            + " lacks \"none\": public clients (every desktop"
                                            + " MCP client) cannot authenticate at the token"
                                            + " endpoint")
                            .fix("accept \"none\" with PKCE for public clients"));
        }
    }

    static List<String> profileNames(Predicate<ClientProfile> test) {
        return Profiles.all().stream().filter(test).map(ClientProfile::name).toList();
    }

    static boolean contains(JsonNode array, String value) {
        return array.isArray() && strings(array).contains(value);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
