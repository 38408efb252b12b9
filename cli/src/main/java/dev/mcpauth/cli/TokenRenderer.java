package dev.mcpauth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.token.SignatureCheck;
import dev.mcpauth.check.token.TokenReport;
import java.io.PrintWriter;

/** The text form of token reports: facts first, verdicts last. */
final class TokenRenderer {

    private TokenRenderer() {}

    static void render(TokenReport r, PrintWriter out) {
        out.println("kind:         " + r.kind());
        out.println("length:       " + r.length());
        out.println("fingerprint:  " + r.fingerprint());
        if (r.token() != null) {
            out.println("token:        " + r.token());
        }
        if (r.instance() != null) {
            var i = r.instance();
            out.println("instance id:  " + i.instanceId());
            if (i.startedAt() != null) {
                out.println("started:      " + i.startedAt() + " (" + i.startedAgo() + ")");
            }
            out.println(
                    "secret:       " + i.secretFingerprint() + ", " + i.secretLength() + " chars");
        }
        if (r.jwt() != null) {
            renderJwt(r.jwt(), out);
        }
        if (r.opaque() != null) {
            var o = r.opaque();
            out.println("alphabet:     " + o.alphabet() + " (" + o.alphabetSize() + " symbols)");
            out.println("entropy:      at most " + o.estimatedEntropyBits() + " bits");
        }
        if (r.server() != null) {
            var s = r.server();
            out.println(
                    "server:       "
                            + s.url()
                            + " -> "
                            + s.status()
                            + (s.accepted()
                                    ? " (token accepted)"
                                    : s.refused() ? " (token NOT accepted)" : ""));
            if (s.currentInstance() != null) {
                out.println("running:      instance " + s.currentInstance());
            }
        }
        out.println();
        r.verdicts().forEach(v -> out.println("- " + v));
        out.flush();
    }

    private static void renderJwt(TokenReport.JwtPart jwt, PrintWriter out) {
        out.println("signature:    " + jwt.signature());
        out.println("header:");
        fields(jwt.header(), out);
        out.println("claims:");
        jwt.claims()
                .fields()
                .forEachRemaining(
                        e -> {
                            String when =
                                    jwt.times().stream()
                                            .filter(t -> t.name().equals(e.getKey()))
                                            .map(t -> " = " + t.iso() + " (" + t.relative() + ")")
                                            .findFirst()
                                            .orElse("");
                            out.println("  " + pad(e.getKey()) + " " + e.getValue() + when);
                        });
        if (!jwt.scopes().isEmpty()) {
            out.println("scopes:       " + String.join(" ", jwt.scopes()));
        }
    }

    private static void fields(JsonNode node, PrintWriter out) {
        node.fields()
                .forEachRemaining(e -> out.println("  " + pad(e.getKey()) + " " + e.getValue()));
    }

    private static String pad(String name) {
        return String.format("%-10s", name);
    }

    static void render(SignatureCheck c, PrintWriter out) {
        out.println("fingerprint:  " + c.fingerprint());
        out.println("alg / kid:    " + c.alg() + " / " + (c.kid() == null ? "(no kid)" : c.kid()));
        out.println(
                "keys:         "
                        + (c.jwksUri() == null
                                ? "none fetched"
                                : c.jwksUri() + " (" + c.keysInSet() + " keys)"));
        out.println("verified:     " + (c.verified() ? "yes" : "NO") + ": " + c.detail());
        out.flush();
    }
}
