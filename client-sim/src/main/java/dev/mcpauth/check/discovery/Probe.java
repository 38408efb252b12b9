package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.mcpauth.check.Exchange;

/** One request of a discovery run: the step it belongs to, why it was made, and the answer. */
public record Probe(Step step, String purpose, @JsonUnwrapped Exchange exchange) {}
