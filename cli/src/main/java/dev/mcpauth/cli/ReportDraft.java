package dev.mcpauth.cli;

import dev.mcpauth.report.Diagnosis;
import dev.mcpauth.report.Environment;
import dev.mcpauth.report.Evidence;
import dev.mcpauth.report.Redactor;
import dev.mcpauth.report.Report;
import dev.mcpauth.report.Timeline;
import dev.mcpauth.report.Workaround;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Markdown draft of the upstream issue: one section per diagnosis, or the timeline when no
 * known pattern matched. Every line passes through the redactor.
 */
final class ReportDraft {

    private static final int MAX_EXCERPT = 300;

    private final Redactor redactor;
    private final StringBuilder out = new StringBuilder();

    private ReportDraft(Redactor redactor) {
        this.redactor = redactor;
    }

    static String render(Report report, Redactor redactor) {
        ReportDraft draft = new ReportDraft(redactor);
        if (report.diagnoses().isEmpty()) {
            draft.noKnownPattern(report);
        }
        for (int i = 0; i < report.diagnoses().size(); i++) {
            if (i > 0) {
                draft.line("").line("---").line("");
            }
            draft.diagnosis(report, report.diagnoses().get(i));
        }
        return draft.out.toString();
    }

    private void diagnosis(Report report, Diagnosis d) {
        line("# " + title(d));
        line("");
        line("- Report to: " + d.upstream().project() + " (" + d.upstream().issues() + ")");
        line("- Labels: " + String.join(", ", d.upstream().labels()));
        line("- Diagnosis: `" + d.id() + "`; at fault: " + d.fault().name().toLowerCase());
        fixNote(report.environment(), d);
        line("");
        environment(report);
        steps(d);
        line("## Expected").line("").line(d.expected()).line("");
        line("## Actual").line("").line(capitalize(d.verdict()) + ".").line("");
        excerpt(d.evidence());
        rootCause(d);
        workarounds(d.workarounds());
        line("").line("<details><summary>Timeline of every input</summary>").line("");
        timeline(report.timeline());
        line("").line("</details>");
    }

    private static String title(Diagnosis d) {
        return switch (d.fixStatus()) {
            case "affected" -> "Upgrade instead of filing: " + d.title();
            default -> d.title();
        };
    }

    private void fixNote(Environment env, Diagnosis d) {
        if (d.fixedIn() == null) {
            return;
        }
        line("");
        switch (d.fixStatus()) {
            case "affected" ->
                    line(
                            "> **Already fixed upstream.** The client in these logs predates the"
                                    + " fix, first released in "
                                    + d.fixedIn()
                                    + " ("
                                    + d.references()
                                    + "). Upgrade the client instead of opening a new issue;"
                                    + " the draft below is kept for the record.");
            case "regression" ->
                    line(
                            "> The client in these logs already has the fix from "
                                    + d.fixedIn()
                                    + " ("
                                    + d.references()
                                    + ") and still fails: report it as a regression and link"
                                    + " those references.");
            default ->
                    line(
                            "> The logs do not say which client version ran. "
                                    + d.fixedIn()
                                    + " has a fix ("
                                    + d.references()
                                    + "): if the client is older, upgrade it instead of"
                                    + " opening a new issue.");
        }
    }

    private void environment(Report report) {
        Environment env = report.environment();
        line("## Environment").line("");
        line(
                "- Client: "
                        + (env.clients().isEmpty()
                                ? "not named in the logs"
                                : String.join(", ", env.clients())));
        if (!env.serverUrls().isEmpty()) {
            line("- MCP server: " + String.join(", ", env.serverUrls()));
        }
        if (!env.instances().isEmpty()) {
            line("- Server instances, in order: " + String.join(" -> ", env.instances()));
        }
        if (!env.stores().isEmpty()) {
            line("- Server store: " + String.join(", ", env.stores()));
        }
        line("- Drafted by mcpauth " + env.mcpauthVersion() + " from:");
        for (Report.InputSummary in : report.inputs()) {
            line(
                    "  - `"
                            + in.name()
                            + "`: "
                            + in.format()
                            + ", "
                            + in.lines()
                            + " lines, "
                            + in.recognized()
                            + " understood");
        }
        line("");
    }

    private void steps(Diagnosis d) {
        line("## Steps to reproduce").line("");
        line("Without the real client, with mcpauth:").line("");
        line("```").line(d.reproduce()).line("```").line("");
        line("As the logs show it:").line("");
        int n = 1;
        Set<String> seen = new LinkedHashSet<>();
        for (Evidence e : d.evidence()) {
            if (seen.add(e.note())) {
                line(
                        n++
                                + ". "
                                + capitalize(e.note())
                                + " (`"
                                + e.source()
                                + ":"
                                + e.line()
                                + "`)");
            }
        }
        line("");
    }

    private void excerpt(List<Evidence> evidence) {
        line("## Log excerpt").line("").line("```");
        for (Evidence e : evidence) {
            if (e.text().startsWith("{") && e.text().length() > MAX_EXCERPT) {
                // A JSON trace event is unreadable cut short: its summary says what it holds.
                line(e.source() + ":" + e.line() + "  " + e.summary() + "  (JSON event)");
                continue;
            }
            for (String raw : e.text().split("\n")) {
                // Redacted before it is cut, so that no piece of a secret survives the cut.
                line(e.source() + ":" + e.line() + "  " + trim(redactor.redact(raw)));
            }
        }
        line("```").line("");
    }

    private void rootCause(Diagnosis d) {
        line("## Root cause").line("");
        line(d.rootCause()).line("");
        line("- At fault: " + d.fault().name().toLowerCase());
        line("- Affected clients: " + String.join("; ", d.affectedClients()));
        line(
                "- First fixed in: "
                        + (d.fixedIn() == null
                                ? "no client fix known"
                                : d.fixedIn() + " (" + d.references() + ")"));
        line("");
    }

    private void workarounds(List<Workaround> workarounds) {
        if (workarounds.isEmpty()) {
            return;
        }
        List<String> clients = new ArrayList<>();
        for (Workaround w : workarounds) {
            w.effects()
                    .forEach(
                            e -> {
                                if (!clients.contains(e.client())) {
                                    clients.add(e.client());
                                }
                            });
        }
        line("## Workarounds").line("");
        line("| workaround | what it does | " + String.join(" | ", clients) + " |");
        line("|---|---|" + "---|".repeat(clients.size()));
        for (Workaround w : workarounds) {
            StringBuilder row = new StringBuilder("| " + w.name() + " | " + w.what() + " |");
            for (String c : clients) {
                String effect =
                        w.effects().stream()
                                .filter(e -> e.client().equals(c))
                                .map(Workaround.Effect::effect)
                                .findFirst()
                                .orElse("");
                row.append(' ').append(effect).append(" |");
            }
            line(row.toString());
        }
    }

    private void noKnownPattern(Report report) {
        line("# No known pattern").line("");
        line("None of the known problems matches these logs. The timeline below joins them;"
                        + " attach it to a report for the client or server involved.")
                .line("");
        environment(report);
        timeline(report.timeline());
    }

    private void timeline(Timeline timeline) {
        line("## Timeline").line("").line("```");
        List<Timeline.Entry> entries = timeline.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (i == timeline.omittedAfter() && timeline.omitted() > 0) {
                line("... " + timeline.omitted() + " entries left out ...");
            }
            line(ReportText.entry(entries.get(i)));
        }
        line("```");
    }

    private static String trim(String raw) {
        return raw.length() <= MAX_EXCERPT ? raw : raw.substring(0, MAX_EXCERPT) + " [...]";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private ReportDraft line(String text) {
        out.append(redactor.redact(text)).append('\n');
        return this;
    }
}
