package dev.mcpauth.cli;

import dev.mcpauth.check.discovery.Change;
import dev.mcpauth.check.discovery.ClientVerdict;
import dev.mcpauth.check.discovery.DiscoveryReport;
import dev.mcpauth.check.discovery.Finding;
import dev.mcpauth.check.discovery.Probe;
import dev.mcpauth.check.discovery.Severity;
import dev.mcpauth.check.discovery.Step;
import java.io.PrintWriter;
import java.util.List;

/** The text form of a discovery report: one block per step, requests first, then findings. */
final class DiscoverRenderer {

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean colour;

    private DiscoverRenderer(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    static void render(DiscoveryReport report, PrintWriter out, boolean colour) {
        new DiscoverRenderer(out, colour).report(report);
        out.flush();
    }

    private void report(DiscoveryReport r) {
        out.println("discover " + r.url());
        int number = 1;
        for (Step step : Step.values()) {
            List<Probe> probes = r.probes().stream().filter(p -> p.step() == step).toList();
            List<Finding> findings = r.findings().stream().filter(f -> f.step() == step).toList();
            if (step == Step.CLIENTS) {
                continue;
            }
            if (probes.isEmpty() && findings.isEmpty()) {
                continue;
            }
            out.println();
            out.println(number++ + ". " + step.title());
            probes.forEach(p -> out.println("   " + paint(DIM, p.exchange().summary())));
            if (step == Step.CHALLENGE && r.challenge() != null && !r.challenge().isEmpty()) {
                out.println("   WWW-Authenticate: " + r.challenge());
            }
            findings.forEach(this::finding);
        }
        out.println();
        out.println(number + ". " + Step.CLIENTS.title());
        r.clients().forEach(this::verdict);
        if (r.changes() != null) {
            changes(r.changes());
        }
        out.println();
        out.println(
                "summary: "
                        + plural(r.count(Severity.ERROR), "error")
                        + ", "
                        + plural(r.count(Severity.WARNING), "warning")
                        + ", "
                        + plural(r.count(Severity.INFO), "note"));
    }

    private void finding(Finding f) {
        String label =
                switch (f.severity()) {
                    case ERROR -> paint(RED, "ERROR");
                    case WARNING -> paint(YELLOW, "WARN ");
                    case INFO -> "info ";
                };
        String spec = f.spec() == null ? "" : " [" + f.spec() + "]";
        out.println("   " + label + " " + f.id() + ": " + f.message() + spec);
        if (f.evidence() != null) {
            out.println("         evidence: " + f.evidence());
        }
        if (f.fix() != null) {
            out.println("         fix: " + f.fix());
        }
    }

    private void verdict(ClientVerdict v) {
        String outcome =
                switch (v.outcome()) {
                    case ClientVerdict.CONNECTS -> paint(GREEN, "connects");
                    case ClientVerdict.FAILS -> paint(RED, "FAILS at " + v.step().id());
                    default -> paint(YELLOW, "guesses");
                };
        out.println(String.format("   %-13s %s: %s", v.profile(), outcome, v.reason()));
        if (!ClientVerdict.CONNECTS.equals(v.outcome())) {
            v.fetched().forEach(f -> out.println("                 tried: " + f));
        }
        v.notes().forEach(n -> out.println("                 note: " + n));
    }

    private void changes(List<Change> changes) {
        out.println();
        out.println("changes since the snapshot");
        if (changes.isEmpty()) {
            out.println("   none");
        }
        for (Change c : changes) {
            out.println("   " + c.field() + ": " + c.before() + " -> " + c.after());
            out.println("         effect: " + c.effect());
            if (c.breaks() != null && !c.breaks().isEmpty()) {
                out.println("         breaks: " + String.join(", ", c.breaks()));
            }
        }
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
