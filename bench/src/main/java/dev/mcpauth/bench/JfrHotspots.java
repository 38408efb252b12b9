package dev.mcpauth.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a server under load and says where the CPU went, by source line of the
 * project: each execution sample is charged to the innermost frame whose class is in {@code
 * PACKAGE}, together with the first foreign call made from there. Lock contention and pinned
 * virtual threads are summed the same way.
 *
 * <p>Usage: {@code JfrHotspots RECORDING.jfr [PACKAGE] [TOP]}; PACKAGE defaults to {@code
 * dev.mcpauth}.
 */
public final class JfrHotspots {

    private final String prefix;
    private final Map<String, Long> samples = new HashMap<>();
    private final Map<String, Long> inclusive = new HashMap<>();
    private final Map<String, Duration> blocked = new HashMap<>();
    private final Map<String, Long> allocated = new HashMap<>();
    private long sampleCount;
    private long allocatedBytes;
    private long collections;
    private Duration pauses = Duration.ZERO;
    private Duration longestPause = Duration.ZERO;

    private JfrHotspots(String prefix) {
        this.prefix = prefix;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrHotspots RECORDING.jfr [PACKAGE] [TOP]");
            System.exit(2);
        }
        JfrHotspots spots = new JfrHotspots(args.length > 1 ? args[1] : "dev.mcpauth");
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            spots.accept(event);
        }
        spots.print(top);
    }

    private void accept(RecordedEvent event) {
        if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
            collections++;
            Duration pause = event.getDuration("sumOfPauses");
            pauses = pauses.plus(pause);
            longestPause = pause.compareTo(longestPause) > 0 ? pause : longestPause;
            return;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return;
        }
        String type = event.getEventType().getName();
        switch (type) {
            case "jdk.ExecutionSample" -> {
                sampleCount++;
                samples.merge(site(stack.getFrames()), 1L, Long::sum);
                stack.getFrames().stream()
                        .filter(this::ours)
                        .map(JfrHotspots::method)
                        .distinct()
                        .forEach(m -> inclusive.merge(m, 1L, Long::sum));
            }
            case "jdk.ObjectAllocationSample" -> {
                long weight = event.getLong("weight");
                allocatedBytes += weight;
                allocated.merge(site(stack.getFrames()), weight, Long::sum);
            }
            case "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.VirtualThreadPinned" -> {
                boolean main =
                        event.getThread() != null && "main".equals(event.getThread().getJavaName());
                if (!main && stack.getFrames().stream().anyMatch(this::ours)) {
                    blocked.merge(
                            type + " at " + site(stack.getFrames()),
                            event.getDuration(),
                            Duration::plus);
                }
            }
            default -> {}
        }
    }

    /** The innermost project frame and the first call it made outside the project. */
    private String site(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            if (ours(frame)) {
                String callee = i == 0 ? "(itself)" : method(frames.get(i - 1));
                return method(frame) + ":" + frame.getLineNumber() + " -> " + callee;
            }
        }
        return "(outside " + prefix + ") " + (frames.isEmpty() ? "?" : method(frames.get(0)));
    }

    private boolean ours(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return frame.isJavaFrame() && type.startsWith(prefix) && !type.contains("$$Lambda");
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private void print(int top) {
        System.out.printf(
                "%d execution samples%n%nby site (self + foreign callees):%n", sampleCount);
        sorted(samples, top)
                .forEach(
                        (site, n) ->
                                System.out.printf("%6.1f %%  %s%n", 100.0 * n / sampleCount, site));
        System.out.printf("%ninclusive, project methods:%n");
        sorted(inclusive, top)
                .forEach((m, n) -> System.out.printf("%6.1f %%  %s%n", 100.0 * n / sampleCount, m));
        System.out.printf("%nallocation (sampled, %d MB in all) by site:%n", allocatedBytes >> 20);
        sorted(allocated, top)
                .forEach(
                        (site, bytes) ->
                                System.out.printf(
                                        "%6.1f %%  %s%n", 100.0 * bytes / allocatedBytes, site));
        System.out.printf(
                "%ngarbage collections: %d, pauses %d ms in all, longest %.1f ms%n",
                collections, pauses.toMillis(), longestPause.toNanos() / 1e6);
        System.out.printf("%nblocked (contended monitors, parks, pinning; summed time):%n");
        blocked.entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .limit(top)
                .forEach(
                        e ->
                                System.out.printf(
                                        "%8d ms  %s%n", e.getValue().toMillis(), e.getKey()));
    }

    private static Map<String, Long> sorted(Map<String, Long> counts, int top) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
