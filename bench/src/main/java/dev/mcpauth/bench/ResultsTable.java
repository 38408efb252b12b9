package dev.mcpauth.bench;

import static dev.mcpauth.bench.Figures.fixed;
import static dev.mcpauth.bench.Figures.percent;
import static dev.mcpauth.bench.Figures.times;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders the raw results of {@code bench/run.sh} ({@code key=value} lines) as the Markdown tables
 * of BENCHMARKS.md, with ratios against the references and the targets' verdicts.
 *
 * <p>Usage: {@code ResultsTable bench/results/latest.txt > bench/results/latest.md}.
 */
public final class ResultsTable {

    private static final List<String> TOOLS_TARGETS =
            List.of("mcpauth_sqlite", "mcpauth_memory", "bare_helidon", "ts_sdk");
    private static final List<String> LOGIN_TARGETS =
            List.of("mcpauth_memory", "mcpauth_sqlite", "ts_sdk");
    private static final List<String> STARTUP_TARGETS =
            List.of("mcpauth_sqlite", "mcpauth_memory", "mcpauth_memory_no_cache", "bare_helidon");

    private final Map<String, String> results;
    private final StringBuilder out = new StringBuilder();

    private ResultsTable(Map<String, String> results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultsTable RESULTS_FILE");
            System.exit(2);
        }
        System.out.print(new ResultsTable(read(Path.of(args[0]))).render());
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private String render() {
        line(
                "Run "
                        + text("run.date")
                        + " at commit "
                        + text("run.commit")
                        + ", `"
                        + text("run.command")
                        + "`; "
                        + text("machine.nproc")
                        + " CPUs ("
                        + text("machine.cpu")
                        + "), "
                        + text("machine.mem_mb")
                        + " MB, "
                        + text("machine.jdk")
                        + ", Node "
                        + text("machine.node")
                        + ", "
                        + text("machine.wrk")
                        + ", "
                        + text("machine.h2load")
                        + ". Settings: "
                        + text("settings")
                        + ".");
        line("");
        renderToolsCall();
        renderLogins();
        renderStartup();
        renderTargets();
        renderMachineState();
        return out.toString();
    }

    private void renderToolsCall() {
        line(
                "**Authenticated `tools/call`** ("
                        + setting("connections")
                        + " connections, "
                        + setting("seconds")
                        + " s measured after "
                        + setting("warmup")
                        + " s warm-up)");
        line("");
        header("", "mcpauth sqlite", "mcpauth memory", "bare Helidon (ceiling)", "TS SDK example");
        double ceiling = number("tools.bare_helidon.rps");
        double sdk = number("tools.ts_sdk.rps");
        row("requests/s", TOOLS_TARGETS, k -> fixed(number("tools." + k + ".rps"), 0));
        row(
                "share of the ceiling",
                TOOLS_TARGETS,
                k -> percent(number("tools." + k + ".rps") / ceiling));
        row("× TS SDK example", TOOLS_TARGETS, k -> times(number("tools." + k + ".rps") / sdk));
        for (String p : List.of("p50", "p90", "p99", "max")) {
            row(
                    p + " latency, ms",
                    TOOLS_TARGETS,
                    k -> fixed(number("tools." + k + "." + p + "_ms"), 2));
        }
        row(
                "paced load¹: requests/s",
                TOOLS_TARGETS,
                k -> fixed(number("tools." + k + ".paced.rps"), 0));
        row(
                "paced load¹: p50 / p99 latency, ms",
                TOOLS_TARGETS,
                k ->
                        fixed(number("tools." + k + ".paced.p50_ms"), 2)
                                + " / "
                                + fixed(number("tools." + k + ".paced.p99_ms"), 2));
        row(
                "fixed rate³: requests/s",
                TOOLS_TARGETS,
                k -> fixed(number("tools." + k + ".rate.rps"), 0));
        row(
                "fixed rate³: p50 / p99 / p99.9 latency, ms",
                TOOLS_TARGETS,
                k ->
                        fixed(number("tools." + k + ".rate.p50_ms"), 2)
                                + " / "
                                + fixed(number("tools." + k + ".rate.p99_ms"), 2)
                                + " / "
                                + fixed(number("tools." + k + ".rate.p999_ms"), 2));
        row("CPU: server / wrk / other processes²", TOOLS_TARGETS, k -> cpu("tools." + k));
        row(
                "non-2xx / socket errors",
                TOOLS_TARGETS,
                k ->
                        text("tools." + k + ".non2xx")
                                + " / "
                                + text("tools." + k + ".socket_errors"));
        row("server RSS after the run, MB", TOOLS_TARGETS, k -> text("tools." + k + ".rss_mb"));
        line("");
        line(
                "¹ The same "
                        + setting("connections")
                        + " connections, each pausing "
                        + setting("paced_delay_ms")
                        + " ms before every request, for "
                        + setting("paced_seconds")
                        + " s: latency below saturation.");
        line("");
        line(
                "² Shares of the whole machine's CPU time ("
                        + text("machine.nproc")
                        + " CPUs = 100 %) during the measured run, from /proc: the server process,"
                        + " the load generator, everything else.");
        line("");
        line(
                "³ h2load on the same "
                        + setting("connections")
                        + " connections, each sending "
                        + text("tools.rate_per_connection")
                        + " requests/s ("
                        + text("tools.rate_total")
                        + " in all: half of what the ceiling served at saturation in this run,"
                        + " the throughput the target asks of mcpauth) for "
                        + setting("rate_seconds")
                        + " s after 2 s of warm-up. Percentiles from h2load's log of every"
                        + " request. Not run against the TS SDK example, which serves about"
                        + " 1 000/s.");
        line("");
    }

    private void renderLogins() {
        line(
                "**Complete OAuth logins** (register + authorize with PKCE + token; "
                        + setting("login_workers")
                        + " workers, "
                        + setting("login_seconds")
                        + " s measured after "
                        + setting("login_warmup")
                        + " s warm-up)");
        line("");
        header("", "mcpauth memory", "mcpauth sqlite", "TS SDK demo AS");
        double sdk = number("logins.ts_sdk.logins_per_s");
        row("logins/s", LOGIN_TARGETS, k -> fixed(number("logins." + k + ".logins_per_s"), 0));
        row(
                "× TS SDK demo AS",
                LOGIN_TARGETS,
                k -> times(number("logins." + k + ".logins_per_s") / sdk));
        row(
                "p50 / p99 login, ms",
                LOGIN_TARGETS,
                k ->
                        fixed(number("logins." + k + ".p50_ms"), 1)
                                + " / "
                                + fixed(number("logins." + k + ".p99_ms"), 1));
        row("failed logins", LOGIN_TARGETS, k -> text("logins." + k + ".errors"));
        row(
                "CPU: server / load generator / other processes²",
                LOGIN_TARGETS,
                k -> cpu("logins." + k));
        row("server RSS after the run, MB", LOGIN_TARGETS, k -> text("logins." + k + ".rss_mb"));
        line("");
    }

    private void renderStartup() {
        line("**Start-up to the ready line** (median of " + setting("startup_runs") + " runs)");
        line("");
        header(
                "",
                "mcpauth sqlite, existing store",
                "mcpauth memory",
                "mcpauth memory, `MCPAUTH_NO_CACHE=1`",
                "bare Helidon");
        row(
                "external: fork to ready line, ms",
                STARTUP_TARGETS,
                k -> text("startup." + k + ".external_ms_median"));
        row(
                "own figure in the ready line, ms",
                STARTUP_TARGETS,
                k -> text("startup." + k + ".own_ms_median"));
        row(
                "external, every run, ms",
                STARTUP_TARGETS,
                k -> text("startup." + k + ".external_ms_runs"));
        row(
                "other processes' CPU share² in each run, %",
                STARTUP_TARGETS, k -> text("startup." + k + ".cpu_others_pct_runs"));
        line("");
        line("Launcher caches in use: " + text("startup.launcher_caches") + ".");
        line("");
        line("Ready line of the sqlite runs: `" + text("startup.mcpauth_sqlite.ready_line") + "`");
        line("");
    }

    private void renderTargets() {
        line("**Targets**");
        line("");
        header("target", "measured", "verdict");
        double ready = number("startup.mcpauth_sqlite.own_ms_median");
        double readyMemory = number("startup.mcpauth_memory.own_ms_median");
        verdict(
                "ready line within 0.6 s",
                fixed(ready, 0)
                        + " ms sqlite, "
                        + fixed(readyMemory, 0)
                        + " ms memory (own figure)",
                Math.max(ready, readyMemory) <= 600);
        double ceiling = number("tools.bare_helidon.rps");
        for (String store : List.of("sqlite", "memory")) {
            double share = number("tools.mcpauth_" + store + ".rps") / ceiling;
            verdict("tools/call ≥ 50 % of the ceiling, " + store, percent(share), share >= 0.5);
            double p99 = number("tools.mcpauth_" + store + ".p99_ms");
            verdict(
                    "tools/call p99 < 3 ms, " + store + ", saturating",
                    fixed(p99, 2)
                            + " ms (ceiling "
                            + fixed(number("tools.bare_helidon.p99_ms"), 2)
                            + " ms)",
                    p99 < 3);
            double rate = number("tools.mcpauth_" + store + ".rate.p99_ms");
            verdict(
                    "tools/call p99 < 3 ms, "
                            + store
                            + ", at half the ceiling's throughput ("
                            + fixed(number("tools.mcpauth_" + store + ".rate.rps"), 0)
                            + " requests/s)",
                    fixed(rate, 2)
                            + " ms (ceiling "
                            + fixed(number("tools.bare_helidon.rate.p99_ms"), 2)
                            + " ms)",
                    rate < 3 && rateReached(store));
            double paced = number("tools.mcpauth_" + store + ".paced.p99_ms");
            verdict(
                    "tools/call p99 < 3 ms, " + store + ", paced",
                    fixed(paced, 2)
                            + " ms "
                            + "(ceiling "
                            + fixed(number("tools.bare_helidon.paced.p99_ms"), 2)
                            + " ms)",
                    paced < 3);
        }
        double sdk = number("logins.ts_sdk.logins_per_s");
        double memory = number("logins.mcpauth_memory.logins_per_s") / sdk;
        verdict("logins/s ≥ TS SDK demo, memory", times(memory), memory >= 1);
        double sqlite = number("logins.mcpauth_sqlite.logins_per_s") / sdk;
        verdict("logins/s ≥ ½ TS SDK demo, sqlite", times(sqlite), sqlite >= 0.5);
        line("");
    }

    /** Whether the fixed-rate run got the half of the ceiling it asked for (2 % for timing). */
    private boolean rateReached(String store) {
        double asked = number("tools.bare_helidon.rps") / 2;
        return number("tools.mcpauth_" + store + ".rate.rps") >= 0.98 * asked;
    }

    private void renderMachineState() {
        StringBuilder others =
                new StringBuilder(
                        "Other processes' share of the CPU during each measurement (attempts in"
                            + " brackets; a measurement is repeated while it is over the limit): ");
        StringBuilder load =
                new StringBuilder(
                        "Load average (1, 5, 15 min; counts this run's "
                                + "own processes too) before each measurement: ");
        results.forEach(
                (k, v) -> {
                    if (k.endsWith(".cpu_others_pct")) {
                        String prefix = k.substring(0, k.length() - ".cpu_others_pct".length());
                        others.append(prefix).append(' ').append(v).append(" %");
                        String attempts = results.get(prefix + ".attempts");
                        others.append(attempts == null ? "" : " (" + attempts + ")").append(", ");
                    }
                    if (k.endsWith(".loadavg")) {
                        load.append(k, 0, k.length() - ".loadavg".length())
                                .append(' ')
                                .append(v)
                                .append(", ");
                    }
                });
        line(others.substring(0, others.length() - 2) + ".");
        line("");
        line(
                load.append("end of the run ")
                        .append(text("run.loadavg_at_end"))
                        .append('.')
                        .toString());
    }

    private String cpu(String prefix) {
        return text(prefix + ".cpu_server_pct")
                + " / "
                + text(prefix + ".cpu_client_pct")
                + " / "
                + text(prefix + ".cpu_others_pct")
                + " %";
    }

    private void verdict(String target, String measured, boolean met) {
        String verdict = measured.contains("n/a") ? "n/a" : met ? "met" : "**missed**";
        line("| " + target + " | " + measured + " | " + verdict + " |");
    }

    private void header(String... columns) {
        line("| " + String.join(" | ", columns) + " |");
        line("|" + "---|".repeat(columns.length));
    }

    private void row(String label, List<String> keys, Function<String, String> cell) {
        StringBuilder row = new StringBuilder("| " + label + " |");
        for (String key : keys) {
            row.append(' ').append(cell.apply(key)).append(" |");
        }
        line(row.toString());
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private String text(String key) {
        return results.getOrDefault(key, "n/a");
    }

    private String setting(String name) {
        for (String pair : text("settings").split(" ")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "?";
    }

    private double number(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
