package dev.mcpauth.client.scenario;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.session.SessionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Every profile through a restart of every server setup: the memory store, the sqlite store, and
 * each workaround alone on the memory store. Cells run in parallel, each with its own servers,
 * store directory and credential cache.
 *
 * @param columns the server setups, in table order
 * @param cells one outcome per profile and setup, row by row
 */
public record RestartMatrix(
        List<ServerSetup> columns, List<RestartOutcome> cells, Duration elapsed) {

    /** How one cell is run; {@link RestartScenario#run} outside tests. */
    @FunctionalInterface
    interface Scenario {
        RestartOutcome run(
                ClientProfile profile,
                ServerSetup setup,
                Path dataDir,
                CredentialCache cache,
                SessionOptions options);
    }

    public static RestartMatrix run(
            List<ClientProfile> profiles,
            List<ServerSetup> columns,
            SessionOptions options,
            int parallelism) {
        return run(profiles, columns, options, parallelism, RestartScenario::run);
    }

    static RestartMatrix run(
            List<ClientProfile> profiles,
            List<ServerSetup> columns,
            SessionOptions options,
            int parallelism,
            Scenario scenario) {
        long start = System.nanoTime();
        List<Future<RestartOutcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism))) {
            for (ClientProfile profile : profiles) {
                for (ServerSetup setup : columns) {
                    futures.add(pool.submit(() -> cell(profile, setup, options, scenario)));
                }
            }
            List<RestartOutcome> cells = new ArrayList<>();
            for (Future<RestartOutcome> f : futures) {
                cells.add(f.get());
            }
            return new RestartMatrix(
                    List.copyOf(columns),
                    List.copyOf(cells),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientSimException(ClientSimException.Kind.USAGE, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    public RestartOutcome cell(String profile, ServerSetup setup) {
        return cells.stream()
                .filter(c -> c.profile().equals(profile) && c.setup().equals(setup))
                .findFirst()
                .orElseThrow();
    }

    public List<String> profiles() {
        return cells.stream().map(RestartOutcome::profile).distinct().toList();
    }

    /** Whether every cell has a verdict on its client; an ERROR cell is a scenario that failed. */
    public boolean complete() {
        return cells.stream().noneMatch(c -> c.verdict() == Verdict.ERROR);
    }

    /** One cell; a scenario that fails (say, its port is taken on restart) is an ERROR cell. */
    private static RestartOutcome cell(
            ClientProfile profile, ServerSetup setup, SessionOptions options, Scenario scenario) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mcpauth-matrix-");
            return scenario.run(profile, setup, dir, CredentialCache.inMemory(), options);
        } catch (IOException | RuntimeException e) {
            return RestartOutcome.failed(profile.name(), setup, e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a finished scenario for.
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
