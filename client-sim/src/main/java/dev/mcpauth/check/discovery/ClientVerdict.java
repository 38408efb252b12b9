package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Whether one client profile would get through discovery to a login, and if not, where it stops.
 *
 * @param outcome {@code connects}, {@code fails}, or {@code guesses} (no metadata, default
 *     endpoints tried)
 * @param step where it stops, for {@code fails}
 * @param fetched the metadata URLs this client requests, in its order
 * @param notes what else this client will meet later (registration, token endpoint)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientVerdict(
        String profile,
        String client,
        String outcome,
        Step step,
        String reason,
        List<String> fetched,
        List<String> notes) {

    public static final String CONNECTS = "connects";
    public static final String FAILS = "fails";
    public static final String GUESSES = "guesses";

    public boolean fails() {
        return FAILS.equals(outcome);
    }
}
