package dev.mcpauth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.report.Diagnosis;
import dev.mcpauth.report.Redactor;
import dev.mcpauth.report.Report;
import dev.mcpauth.report.Timeline;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The report's JSON (the diagnosis alone), its one-line summary, and timeline lines. */
final class ReportText {

    private ReportText() {}

    static String json(Report report, Redactor redactor) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("known_pattern", report.knownPattern());
        doc.put("diagnoses", report.diagnoses());
        doc.put("environment", report.environment());
        doc.put("inputs", report.inputs());
        if (!report.knownPattern()) {
            doc.put(
                    "timeline",
                    report.timeline().entries().stream().map(ReportText::entry).toList());
            doc.put("timeline_omitted", report.timeline().omitted());
        }
        try {
            String json =
                    Json.mapper()
                            .writer(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(doc);
            return redactor.redact(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String summary(Report report) {
        if (!report.knownPattern()) {
            return "no known pattern; the draft holds the joined timeline";
        }
        StringBuilder s = new StringBuilder();
        for (Diagnosis d : report.diagnoses()) {
            s.append(s.isEmpty() ? "" : "; ")
                    .append(d.id())
                    .append(" (at fault: ")
                    .append(d.fault().name().toLowerCase())
                    .append(", ")
                    .append(d.evidence().size())
                    .append(" evidence lines)");
        }
        return s.toString();
    }

    static String entry(Timeline.Entry e) {
        return (e.at() == null ? "-" : e.at().toString())
                + "  "
                + e.source()
                + ":"
                + e.line()
                + "  "
                + e.party().name().toLowerCase()
                + "  "
                + e.what()
                + (e.joined() == null ? "" : "  [joined " + e.joined() + "]");
    }
}
