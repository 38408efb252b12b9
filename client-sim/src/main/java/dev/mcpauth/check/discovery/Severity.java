package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters: an error stops some client, a warning may, info never does. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
