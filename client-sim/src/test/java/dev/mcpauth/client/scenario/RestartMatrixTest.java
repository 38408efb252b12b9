package dev.mcpauth.client.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.session.SessionOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The restart matrix reproduces section 5 of the client research notes; the expected verdicts and
 * where they differ from the notes are explained in docs/restart-matrix.md.
 */
class RestartMatrixTest {

    static RestartMatrix matrix;

    @BeforeAll
    static void runMatrix() {
        matrix =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(120),
                        () ->
                                RestartMatrix.run(
                                        Profiles.all(),
                                        ServerSetup.matrixColumns(),
                                        SessionOptions.defaults(),
                                        4));
        for (String p : matrix.profiles()) {
            StringBuilder row = new StringBuilder(String.format("%-13s", p));
            for (ServerSetup s : matrix.columns()) {
                row.append(String.format(" %-12s", matrix.cell(p, s).verdict().label()));
            }
            System.out.println(row);
        }
        System.out.println("matrix in " + matrix.elapsed().toMillis() + " ms");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        //  profile,   memory,     sqlite,   dynamic-scope, issuer-rotation, invalid-token-detail,
        // as-url-rotation
        "vscode-1.105, STUCK,       RECOVERED, STUCK,       STUCK,       STUCK,       NEEDS_LOGIN",
        "vscode,       NEEDS_LOGIN, RECOVERED, STUCK,       NEEDS_LOGIN, NEEDS_LOGIN, NEEDS_LOGIN",
        "ts-sdk,       NEEDS_LOGIN, RECOVERED, NEEDS_LOGIN, NEEDS_LOGIN, NEEDS_LOGIN, NEEDS_LOGIN",
        "ts-sdk-2,     NEEDS_LOGIN, RECOVERED, NEEDS_LOGIN, STUCK,       NEEDS_LOGIN, NEEDS_LOGIN",
        "python-sdk,   STUCK,       RECOVERED, STUCK,       STUCK,       STUCK,       STUCK",
        "spec,         NEEDS_LOGIN, RECOVERED, NEEDS_LOGIN, STUCK,       NEEDS_LOGIN, NEEDS_LOGIN"
    })
    void profileRowMatchesTheFindings(
            String profile,
            Verdict memory,
            Verdict sqlite,
            Verdict dynamicScope,
            Verdict issuerRotation,
            Verdict invalidTokenDetail,
            Verdict asUrlRotation) {
        List<Verdict> expected =
                List.of(
                        memory,
                        sqlite,
                        dynamicScope,
                        issuerRotation,
                        invalidTokenDetail,
                        asUrlRotation);
        List<ServerSetup> columns = matrix.columns();
        for (int i = 0; i < columns.size(); i++) {
            RestartOutcome cell = matrix.cell(profile, columns.get(i));
            assertEquals(
                    expected.get(i),
                    cell.verdict(),
                    profile + " / " + columns.get(i).label() + ": " + cell.reason());
        }
    }
}
