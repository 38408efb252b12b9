package dev.mcpauth.check.discovery;

import dev.mcpauth.check.Exchange;
import dev.mcpauth.protocol.AuthChallenges;
import dev.mcpauth.protocol.AuthChallenges.Challenge;
import dev.mcpauth.protocol.AuthChallenges.Param;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the answer to an initialize sent without a token: a 401 with a {@code Bearer} challenge
 * (RFC 6750 section 3, RFC 9110 section 11.6.1) that points at the resource metadata (RFC 9728
 * section 5.1, MCP 2025-11-25 Authorization).
 */
final class ChallengeChecks {

    private static final String AUTH_SPEC =
            "MCP 2025-11-25 Authorization, Protected Resource Metadata Discovery";
    private static final Pattern SINGLE_QUOTED = Pattern.compile("=\\s*'");
    private static final Pattern SPACE_AROUND_EQUALS =
            Pattern.compile("[A-Za-z_]\\s+=|=\\s+[\"A-Za-z0-9']");

    /** The findings, and the {@code resource_metadata} values in the order they were sent. */
    record Result(List<Finding> findings, List<String> resourceMetadataUrls, String scope) {}

    private ChallengeChecks() {}

    static Result check(Exchange answer) {
        List<Finding> out = new ArrayList<>();
        List<String> header = answer.headerValues("WWW-Authenticate");
        if (answer.status() != 401) {
            out.add(unexpectedStatus(answer));
            if (header.isEmpty()) {
                return new Result(out, List.of(), null);
            }
        }
        if (header.isEmpty()) {
            out.add(missingChallenge());
            return new Result(out, List.of(), null);
        }
        String raw = String.join(", ", header);
        List<Challenge> challenges = AuthChallenges.parse(raw);
        Challenge bearer =
                challenges.stream()
                        .filter(c -> c.scheme().equalsIgnoreCase("Bearer"))
                        .findFirst()
                        .orElse(null);
        if (bearer == null) {
            out.add(
                    Finding.error(
                                    Step.CHALLENGE,
                                    "no-bearer-challenge",
                                    "RFC 6750 section 3",
                                    "the 401 challenges no Bearer scheme, so OAuth clients do not"
                                            + " know they may get a token")
                            .evidence("WWW-Authenticate: " + raw)
                            .fix("send WWW-Authenticate: Bearer resource_metadata=\"...\""));
            return new Result(out, List.of(), null);
        }
        checkSyntax(raw, bearer, out);
        List<String> urls =
                bearer.params().stream()
                        .filter(p -> p.name().equals("resource_metadata"))
                        .map(Param::value)
                        .toList();
        String scope = bearer.first("scope");
        if (SINGLE_QUOTED.matcher(raw).find()) {
            urls = singleQuoted(raw, "resource_metadata");
            scope = scope != null ? scope : tolerantScope(raw);
        }
        if (urls.isEmpty()) {
            out.add(
                    Finding.warning(
                                    Step.CHALLENGE,
                                    "no-resource-metadata-param",
                                    AUTH_SPEC,
                                    "the challenge has no resource_metadata: MCP 2025-06-18"
                                            + " requires it; 2025-11-25 clients fall back to the"
                                            + " well-known URLs, older ones stop here")
                            .evidence("WWW-Authenticate: " + raw)
                            .fix("add resource_metadata=\"<URL of the resource metadata>\""));
        }
        if (scope == null) {
            out.add(
                    Finding.info(
                                    Step.CHALLENGE,
                                    "no-scope-param",
                                    "RFC 6750 section 3; MCP 2025-11-25 Scope Selection Strategy",
                                    "the challenge names no scope; clients fall back to"
                                            + " scopes_supported")
                            .evidence("WWW-Authenticate: " + raw));
        }
        return new Result(out, urls, scope);
    }

    private static void checkSyntax(String raw, Challenge bearer, List<Finding> out) {
        if (!bearer.scheme().equals("Bearer")) {
            out.add(
                    Finding.warning(
                                    Step.CHALLENGE,
                                    "bearer-scheme-case",
                                    "RFC 9110 section 11.1",
                                    "the scheme is spelled '"
                                            + bearer.scheme()
                                            + "'; schemes are case-insensitive, but VS Code"
                                            + " matches 'Bearer' exactly")
                            .fix("spell the scheme Bearer"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Param p : bearer.params()) {
            if (!seen.add(p.name())) {
                List<String> values =
                        bearer.params().stream()
                                .filter(q -> q.name().equals(p.name()))
                                .map(Param::value)
                                .toList();
                out.add(
                        Finding.error(
                                        Step.CHALLENGE,
                                        "duplicate-param",
                                        "RFC 9110 section 11.2",
                                        "duplicate auth-param '"
                                                + p.name()
                                                + "' in one challenge (each name may appear at"
                                                + " most once); clients that take the first"
                                                + " value and clients that take the last see"
                                                + " different servers")
                                .evidence(p.name() + " = " + values)
                                .fix("send each parameter once"));
                break;
            }
        }
        if (SINGLE_QUOTED.matcher(raw).find()) {
            out.add(
                    Finding.warning(
                                    Step.CHALLENGE,
                                    "single-quotes",
                                    "RFC 9110 section 5.6.4",
                                    "a parameter value is in single quotes, which is not an HTTP"
                                            + " quoted-string; clients read the quotes as part of"
                                            + " the value or ignore the parameter")
                            .evidence("WWW-Authenticate: " + raw)
                            .fix("use double quotes"));
        } else if (SPACE_AROUND_EQUALS.matcher(raw).find()) {
            out.add(
                    Finding.info(
                                    Step.CHALLENGE,
                                    "space-around-equals",
                                    "RFC 9110 section 11.2 (BWS)",
                                    "whitespace around '=' is allowed; a client that fails to"
                                            + " parse it has a bug")
                            .evidence("WWW-Authenticate: " + raw));
        }
        if (bearer.first("error") != null) {
            out.add(
                    Finding.warning(
                                    Step.CHALLENGE,
                                    "error-without-token",
                                    "RFC 6750 section 3.1",
                                    "error=\""
                                            + bearer.first("error")
                                            + "\" on a request that carried no token; omit the"
                                            + " error code when no credentials were sent")
                            .evidence("WWW-Authenticate: " + raw)
                            .fix("send error=\"invalid_token\" only when a token was presented"));
        }
    }

    /** Tolerant reading of {@code name='value'}, which is not HTTP syntax but is seen. */
    private static List<String> singleQuoted(String raw, String name) {
        Matcher m = Pattern.compile("(?i)" + name + "\\s*=\\s*'([^']*)'").matcher(raw);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String tolerantScope(String raw) {
        Matcher m = Pattern.compile("(?i)\\bscope\\s*=\\s*[\"']([^\"']*)[\"']").matcher(raw);
        return m.find() ? m.group(1) : null;
    }

    private static Finding unexpectedStatus(Exchange answer) {
        if (answer.ok()) {
            return Finding.info(
                    Step.CHALLENGE,
                    "no-authorization-required",
                    AUTH_SPEC,
                    "initialize without a token answered 200: this endpoint does not require"
                            + " authorization");
        }
        return Finding.error(
                        Step.CHALLENGE,
                        "not-401",
                        "MCP 2025-11-25 Authorization, Error Handling",
                        "initialize without a token answered "
                                + answer.status()
                                + "; a protected MCP endpoint answers 401 with a challenge")
                .evidence(answer.summary())
                .fix("answer requests without a token with 401 and WWW-Authenticate: Bearer");
    }

    private static Finding missingChallenge() {
        return Finding.error(
                        Step.CHALLENGE,
                        "no-challenge",
                        "MCP 2025-06-18 Authorization (401 MUST carry WWW-Authenticate);"
                                + " RFC 9728 section 5.1",
                        "401 carries no WWW-Authenticate challenge: 2025-06-18 clients stop here,"
                                + " 2025-11-25 clients must guess the well-known URLs, and some"
                                + " fall back to endpoints on the MCP origin")
                .fix(
                        "send WWW-Authenticate: Bearer resource_metadata=\"...\" on every 401 and"
                                + " check that proxies and middleware keep the header");
    }
}
