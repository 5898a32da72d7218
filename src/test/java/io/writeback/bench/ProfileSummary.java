package io.writeback.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Writeback's run threads spent a scenario, from a Java Flight Recording of its process: each
 * sample is charged to the innermost Writeback method on its stack, split into running Java code
 * (execution samples) and waiting in native code (socket reads: the database or the sink).
 */
final class ProfileSummary {

    private static final int SHOWN = 12;

    private ProfileSummary() {
    }

    /** The time a scenario ran. */
    record Window(String scenario, Instant start, Instant end) {
    }

    /** Per scenario: sample counts by state and innermost Writeback method. */
    static Map<String, Map<String, Long>> summarize(Path recording, List<Window> windows) throws IOException {
        Map<String, Map<String, Long>> byScenario = new LinkedHashMap<>();
        windows.forEach(window -> byScenario.put(window.scenario(), new TreeMap<>()));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String state = switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> "cpu";
                    case "jdk.NativeMethodSample" -> "wait";
                    default -> null;
                };
                String method = state == null ? null : innermostWriteback(event.getStackTrace());
                if (method == null) {
                    continue;
                }
                for (Window window : windows) {
                    if (!event.getStartTime().isBefore(window.start()) && event.getStartTime().isBefore(window.end())) {
                        byScenario.get(window.scenario()).merge(state + " " + method, 1L, Long::sum);
                    }
                }
            }
        }
        return byScenario;
    }

    static String format(Map<String, Map<String, Long>> byScenario) {
        StringBuilder text = new StringBuilder("\nprofile: samples by innermost Writeback method (cpu: running; wait: in native code)\n");
        byScenario.forEach((scenario, samples) -> {
            long total = samples.values().stream().mapToLong(Long::longValue).sum();
            text.append(String.format("%s (%d samples)%n", scenario, total));
            samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(SHOWN)
                    .forEach(e -> text.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
        });
        return text.toString();
    }

    private static String innermostWriteback(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.writeback.")) {
                return type.substring("io.writeback.".length()) + "." + frame.getMethod().getName();
            }
        }
        return null;
    }
}
