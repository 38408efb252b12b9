package dev.mcpauth.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Reads every input once, in time order across inputs, and hands each event to the timeline and the
 * detectors; memory stays bounded by what those keep, not by the size of the logs.
 */
public final class Reporter {

    private final String mcpauthVersion;

    public Reporter(String mcpauthVersion) {
        this.mcpauthVersion = mcpauthVersion;
    }

    /**
     * Opens every argument (a file, or {@code -} for {@code stdin}), reads them together and closes
     * them.
     */
    public Report analyze(List<String> arguments, java.io.InputStream stdin) {
        List<LogInput> inputs = new ArrayList<>();
        List<Report.InputSummary> skipped = new ArrayList<>();
        try {
            EmptyInputException firstEmpty = null;
            for (String argument : arguments) {
                try {
                    inputs.add(LogInput.open(argument, stdin));
                } catch (EmptyInputException e) {
                    // An empty capture next to others (stderr not redirected, say) is skipped.
                    firstEmpty = firstEmpty == null ? e : firstEmpty;
                    skipped.add(new Report.InputSummary(argument, Report.SKIPPED_EMPTY, 0, 0, 0));
                }
            }
            if (inputs.isEmpty() && firstEmpty != null) {
                throw firstEmpty;
            }
            Report report = analyze(inputs);
            List<Report.InputSummary> all = new ArrayList<>(report.inputs());
            all.addAll(skipped);
            return new Report(
                    List.copyOf(all), report.environment(), report.diagnoses(), report.timeline());
        } catch (java.io.UncheckedIOException e) {
            throw new ReportInputException(e.getMessage(), e);
        } finally {
            inputs.forEach(LogInput::close);
        }
    }

    private record Head(Event event, Instant order, int input, long seq) {}

    public Report analyze(List<LogInput> inputs) {
        List<Detector> detectors = detectors();
        Timeline timeline = new Timeline();
        EnvironmentCollector env = new EnvironmentCollector();
        merge(
                inputs,
                e -> {
                    timeline.add(e);
                    env.accept(e);
                    detectors.forEach(d -> d.accept(e));
                });
        List<Report.InputSummary> summaries = new ArrayList<>();
        for (LogInput in : inputs) {
            summaries.add(
                    new Report.InputSummary(
                            in.name(),
                            in.format().description(),
                            in.linesRead(),
                            in.linesRecognized(),
                            in.linesCut()));
        }
        Environment environment = env.environment(mcpauthVersion);
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (Detector d : detectors) {
            for (Finding f : d.findings()) {
                diagnoses.add(diagnose(f, environment));
            }
        }
        return new Report(List.copyOf(summaries), environment, diagnoses, timeline);
    }

    private static List<Detector> detectors() {
        return List.of(
                new StaleTokenDetector(),
                new StaleClientDetector(),
                new RefreshLoopDetector(),
                new MissingResourceDetector(),
                new ResourceMismatchDetector(),
                new MissingChallengeDetector(),
                new MetadataDetector(),
                new RegistrationDetector());
    }

    /** A k-way merge by time; an event without a time keeps its input's last time. */
    private static void merge(List<LogInput> inputs, java.util.function.Consumer<Event> sink) {
        PriorityQueue<Head> queue =
                new PriorityQueue<>(
                        Comparator.comparing(Head::order)
                                .thenComparingInt(Head::input)
                                .thenComparingLong(Head::seq));
        Instant[] clocks = new Instant[inputs.size()];
        long seq = 0;
        for (int i = 0; i < inputs.size(); i++) {
            clocks[i] = Instant.EPOCH;
            seq = push(queue, inputs, clocks, i, seq);
        }
        while (!queue.isEmpty()) {
            Head head = queue.poll();
            sink.accept(head.event());
            seq = push(queue, inputs, clocks, head.input(), seq);
        }
    }

    private static long push(
            PriorityQueue<Head> queue, List<LogInput> inputs, Instant[] clocks, int i, long seq) {
        LogInput in = inputs.get(i);
        if (!in.hasNext()) {
            return seq;
        }
        Event e = in.next();
        if (e.at() != null && e.at().isAfter(clocks[i])) {
            clocks[i] = e.at();
        }
        queue.add(new Head(e, clocks[i], i, seq));
        return seq + 1;
    }

    static Diagnosis diagnose(Finding f, Environment env) {
        KnownProblem p = f.problem();
        return new Diagnosis(
                p.id(),
                p.title(),
                f.verdict(),
                p.fault(),
                p.affected(),
                p.firstFixed() == null ? null : p.fixedClient() + " " + p.firstFixed(),
                p.references(),
                fixStatus(p, env),
                p.rootCause(),
                p.expected(),
                "mcpauth " + p.reproduce().replace("{url}", mcpUrl(env)),
                p.upstream(),
                f.evidence(),
                Workarounds.forProblem(p));
    }

    private static String mcpUrl(Environment env) {
        return env.serverUrls().isEmpty() ? "<MCP server URL>" : env.serverUrls().get(0);
    }

    static String fixStatus(KnownProblem p, Environment env) {
        if (p.firstFixed() == null) {
            return "no-fix";
        }
        String version = env.clientVersion(p.fixedClient());
        if (version == null) {
            return "unknown-version";
        }
        return Versions.compare(version, p.firstFixed()) < 0 ? "affected" : "regression";
    }

    /** Collects the environment facts as events pass. */
    private static final class EnvironmentCollector {
        private final Set<String> clients = new LinkedHashSet<>();
        private final Set<String> urls = new LinkedHashSet<>();
        private final Set<String> instances = new LinkedHashSet<>();
        private final Set<String> stores = new LinkedHashSet<>();

        void accept(Event e) {
            if (e.field("client") != null
                    && e.party() == Event.Party.CLIENT
                    && clients.size() < 8) {
                String v = e.field("client_version");
                clients.add(e.field("client") + (v == null ? "" : " " + v));
            }
            if (urls.size() < 4 && (Detector.isMcp(e) || e.field("mcp_url") != null)) {
                String url = e.field("mcp_url") != null ? e.field("mcp_url") : e.field("url");
                if (url != null && url.startsWith("http")) {
                    urls.add(url.replaceFirst("[?#].*", ""));
                }
            }
            if (e.kind() == Event.Kind.SERVER_START || e.kind() == Event.Kind.RESTART) {
                if (e.field("url") != null) {
                    urls.add(e.field("url"));
                }
                if (e.field("from_instance") != null) {
                    instances.add(e.field("from_instance"));
                }
                if (instances.size() < 64) {
                    instances.add(e.field("instance"));
                }
                if (e.field("store") != null && e.kind() == Event.Kind.SERVER_START) {
                    stores.add(e.field("store"));
                }
            }
        }

        Environment environment(String version) {
            return new Environment(
                    List.copyOf(clients),
                    List.copyOf(urls),
                    List.copyOf(instances),
                    List.copyOf(stores),
                    version);
        }
    }
}
