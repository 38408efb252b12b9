package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One difference between a saved discovery snapshot and this run, and what it does to clients.
 *
 * @param breaks profiles that connected before and do not now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(
        String field, String before, String after, String effect, List<String> breaks) {}
