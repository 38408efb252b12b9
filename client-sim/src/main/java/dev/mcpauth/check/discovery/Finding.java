package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One result of a check: what is wrong (or notable), the rule it rests on, what was seen, and how
 * to fix it.
 *
 * @param id a stable name for scripts, such as {@code issuer-mismatch}
 * @param spec the specification section, such as {@code RFC 8414 section 3.3}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String id,
        Severity severity,
        Step step,
        String spec,
        String message,
        String evidence,
        String fix) {

    public static Finding error(Step step, String id, String spec, String message) {
        return new Finding(id, Severity.ERROR, step, spec, message, null, null);
    }

    public static Finding warning(Step step, String id, String spec, String message) {
        return new Finding(id, Severity.WARNING, step, spec, message, null, null);
    }

    public static Finding info(Step step, String id, String spec, String message) {
        return new Finding(id, Severity.INFO, step, spec, message, null, null);
    }

    public Finding evidence(String value) {
        return new Finding(id, severity, step, spec, message, value, fix);
    }

    public Finding fix(String value) {
        return new Finding(id, severity, step, spec, message, evidence, value);
    }
}
