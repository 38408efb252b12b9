package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up as a person meets it, through the {@code ./mcpauth} launcher, side by side with {@code
 * java -version} of the same JDK in the same run. Not part of the default run; after {@code ./mvnw
 * package}: {@code ./mvnw -pl cli test -Dgroups=benchmark -Dexcluded.groups=none
 * -Dtest=StartupBenchmarkTest}. Writes a Markdown table to {@code cli/target/startup.md}.
 */
@Tag("benchmark")
class StartupBenchmarkTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int RUNS = Integer.getInteger("mcpauth.bench.runs", 11);
    private static final Pattern READY = Pattern.compile("server ready at \\S+ in (\\d+) ms");

    @TempDir Path dataDir;

    @Test
    void shortCommandsAndServerReadyLine() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("java -version", List.of(java, "-version"));
        commands.put("mcpauth --version", List.of(ROOT + "/mcpauth", "--version"));
        commands.put(
                "mcpauth token decode <jwt>",
                List.of(ROOT + "/mcpauth", "token", "decode", Training.SAMPLE_JWT));
        commands.put("mcpauth --help", List.of(ROOT + "/mcpauth", "--help"));
        commands.put(
                "mcpauth client-sim --help", List.of(ROOT + "/mcpauth", "client-sim", "--help"));
        commands.put(
                "MCPAUTH_NO_CACHE=1 mcpauth --version",
                List.of("env", "MCPAUTH_NO_CACHE=1", ROOT + "/mcpauth", "--version"));
        commands.put("floor: JVM printing one line (own cache)", floor(java, "empty"));
        commands.put(
                "floor: picocli parsing token decode <jwt>, model in code (own cache)",
                floor(java, "picocli", "token", "decode", Training.SAMPLE_JWT));
        wallMillis(List.of(ROOT + "/mcpauth", "server", "--help"));
        for (List<String> c : commands.values()) {
            wallMillis(c); // warm the page cache and start training the launcher's caches
        }
        awaitCacheTraining();
        List<String> cacheFloor = withLauncherCache(java);
        wallMillis(cacheFloor);
        commands.put(
                "floor: JVM printing one line with the launcher's short-command cache", cacheFloor);
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int i = 0; i < RUNS; i++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                times.computeIfAbsent(c.getKey(), k -> new ArrayList<>())
                        .add(wallMillis(c.getValue()));
            }
        }
        StringBuilder table =
                new StringBuilder(
                        "| command | median ms | min ms | x java -version |\n|---|---|---|---|\n");
        long base = median(times.get("java -version"));
        times.forEach(
                (name, t) ->
                        table.append(
                                String.format(
                                        "| `%s` | %d | %d | %.1f |%n",
                                        name,
                                        median(t),
                                        t.stream().min(Long::compare).orElseThrow(),
                                        (double) median(t) / base)));
        table.append(
                "\n| server start (5 runs each) | wall to ready line, median ms | min ms |"
                        + " JVM uptime in the ready line, median ms |\n|---|---|---|---|\n");
        for (String store : List.of("memory", "sqlite")) {
            for (boolean cache : List.of(true, false)) {
                List<Long> wall = new ArrayList<>();
                List<Long> reported = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long[] ready = serverReady(store, cache);
                    wall.add(ready[0]);
                    reported.add(ready[1]);
                }
                table.append(
                        String.format(
                                "| `%smcpauth server --store %s` | %d | %d | %d |%n",
                                cache ? "" : "MCPAUTH_NO_CACHE=1 ",
                                store,
                                median(wall),
                                wall.stream().min(Long::compare).orElseThrow(),
                                median(reported)));
            }
        }
        Files.writeString(ROOT.resolve("cli/target/startup.md"), table);
        System.out.println(table);
        assertTrue(base > 0);
    }

    /**
     * A {@link StartupFloor} run with the launcher's flags for short commands and a class-data
     * cache of its own, trained here on the same arguments: what start-up costs before any of
     * mcpauth's own work.
     */
    private List<String> floor(String javaBin, String... args)
            throws IOException, InterruptedException {
        Path jar = dataDir.resolve("floor-" + args[0] + ".jar");
        Path classes = Path.of("target/test-classes");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            String entry = StartupFloor.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        String classPath = jar + File.pathSeparator + ROOT.resolve("cli/target/mcpauth.jar");
        Path cache = dataDir.resolve("floor-" + args[0] + ".cache");
        boolean aot = Runtime.version().feature() >= 25;
        List<String> common =
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath);
        List<String> train = new ArrayList<>(List.of(javaBin));
        train.add(aot ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache);
        train.addAll(common);
        train.add(StartupFloor.class.getName());
        train.addAll(List.of(args));
        wallMillis(train);
        assertTrue(Files.exists(cache), "no class-data cache was written for the floor");
        List<String> run = new ArrayList<>(List.of(javaBin));
        run.add(aot ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
        run.add(aot ? "-Xlog:aot=off" : "-Xlog:cds=off");
        run.addAll(common);
        run.add(StartupFloor.class.getName());
        run.addAll(List.of(args));
        return run;
    }

    /**
     * The one-line floor started with the cache the launcher gives short commands, and so only what
     * opening that cache costs. The floor's jar comes after mcpauth's on the class path, which the
     * cache accepts; {@code AOTMode=on} (or {@code -Xshare:on}) fails rather than run without it.
     */
    private List<String> withLauncherCache(String javaBin)
            throws IOException, InterruptedException {
        floor(javaBin, "empty");
        Path floorJar = dataDir.resolve("floor-empty.jar");
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = ROOT.resolve("cli/target/short." + (aot ? "aot" : "jsa"));
        String classPath = ROOT.resolve("cli/target/mcpauth.jar") + File.pathSeparator + floorJar;
        return List.of(
                javaBin,
                aot ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache,
                aot ? "-XX:AOTMode=on" : "-Xshare:on",
                aot ? "-Xlog:aot=off" : "-Xlog:cds=off",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classPath,
                StartupFloor.class.getName());
    }

    /** Waits while the launcher trains a cache in the background (a {@code *.lock} exists). */
    private static void awaitCacheTraining() throws IOException, InterruptedException {
        Path target = ROOT.resolve("cli/target");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(target)) {
                if (files.noneMatch(f -> f.getFileName().toString().endsWith(".lock"))) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the launcher's cache training did not finish in 3 minutes");
    }

    private static long wallMillis(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, p.exitValue(), command.toString());
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Wall time from spawning the launcher to the ready line, and the time the line reports. */
    private long[] serverReady(String store, boolean cache)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(
                                ROOT + "/mcpauth",
                                "server",
                                "--port",
                                "0",
                                "--store",
                                store,
                                "--data-dir",
                                dataDir.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (!cache) {
            builder.environment().put("MCPAUTH_NO_CACHE", "1");
        }
        long start = System.nanoTime();
        Process p = builder.start();
        try (BufferedReader err =
                new BufferedReader(
                        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    return new long[] {
                        (System.nanoTime() - start) / 1_000_000, Long.parseLong(m.group(1))
                    };
                }
            }
            throw new AssertionError("the server printed no ready line");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server did not stop");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
