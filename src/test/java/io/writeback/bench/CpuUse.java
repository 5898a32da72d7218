package io.writeback.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time on this Linux machine, from /proc, in clock ticks: the whole machine busy, and the
 * processes a scenario involves (Writeback, PostgreSQL's processes, the benchmark's own JVM with the
 * sink). Differences of two snapshots tell what kept the cores busy during a scenario; empty where
 * /proc is missing. Processes that start and end between snapshots (short connections) are missed.
 */
final class CpuUse {

    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = 100;

    private CpuUse() {
    }

    /** Busy ticks by part: "machine", "writeback", "postgres", "sink". */
    static Map<String, Long> snapshot(long writebackPid) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try {
            String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            ticks.put("machine", total - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5]));
            ticks.put("writeback", processTicks(writebackPid));
            ticks.put("postgres", postgresTicks());
            ticks.put("sink", processTicks(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            ticks.clear();
        }
        return ticks;
    }

    /** Cores kept busy on average between two snapshots taken {@code seconds} apart, by part. */
    static Map<String, Double> coresBusy(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        if (seconds > 0) {
            before.forEach((part, ticks) -> {
                if (after.containsKey(part)) {
                    cores.put(part, Math.round((after.get(part) - ticks) / TICKS_PER_SECOND / seconds * 100) / 100.0);
                }
            });
        }
        return cores;
    }

    private static long postgresTicks() throws IOException {
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuUse::isPostgres)
                    .mapToLong(p -> processTicks(Long.parseLong(p.getFileName().toString()))).sum();
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime of a process; 0 when it is gone. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
