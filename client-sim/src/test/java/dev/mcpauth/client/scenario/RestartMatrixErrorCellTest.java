package dev.mcpauth.client.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.session.ConnectResult;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.store.StoreKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario that fails is one ERROR cell; the rest of the matrix still runs. */
class RestartMatrixErrorCellTest {

    private static final ConnectResult CONNECTED =
            new ConnectResult(true, false, null, null, false, 3, "s", List.of(), null, null);

    @Test
    void aScenarioThatThrowsBecomesAnErrorCellAndTheOthersStillRun() {
        RestartMatrix matrix =
                RestartMatrix.run(
                        Profiles.all(),
                        ServerSetup.matrixColumns(),
                        SessionOptions.defaults(),
                        2,
                        (profile, setup, dir, cache, options) -> {
                            if (profile.name().equals("spec")
                                    && setup.store() == StoreKind.SQLITE) {
                                throw new IllegalStateException(
                                        "cannot listen on 127.0.0.1:40000: Address already in"
                                                + " use");
                            }
                            return new RestartOutcome(
                                    profile.name(),
                                    setup,
                                    Verdict.RECOVERED,
                                    "reconnected",
                                    1,
                                    false,
                                    List.of("mcp"),
                                    CONNECTED,
                                    CONNECTED,
                                    new Trace());
                        });

        assertEquals(
                Profiles.all().size() * ServerSetup.matrixColumns().size(), matrix.cells().size());
        long errors = matrix.cells().stream().filter(c -> c.verdict() == Verdict.ERROR).count();
        assertEquals(1, errors);
        RestartOutcome failed =
                matrix.cells().stream()
                        .filter(c -> c.verdict() == Verdict.ERROR)
                        .findFirst()
                        .orElseThrow();
        assertEquals("spec", failed.profile());
        assertTrue(failed.reason().contains("Address already in use"), failed.reason());
        assertTrue(failed.reason().startsWith("the scenario failed, not the client"));
        assertFalse(matrix.complete());
    }

    @Test
    void aMatrixWithoutFailuresIsComplete() {
        RestartMatrix matrix =
                RestartMatrix.run(
                        List.of(Profiles.byName("spec").orElseThrow()),
                        ServerSetup.matrixColumns(),
                        SessionOptions.defaults(),
                        1,
                        (profile, setup, dir, cache, options) ->
                                new RestartOutcome(
                                        profile.name(),
                                        setup,
                                        Verdict.NEEDS_LOGIN,
                                        "logged in again",
                                        4,
                                        true,
                                        List.of("authorize", "token"),
                                        CONNECTED,
                                        CONNECTED,
                                        new Trace()));

        assertTrue(matrix.complete());
    }
}
