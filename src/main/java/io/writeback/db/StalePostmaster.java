package io.writeback.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server an earlier Writeback left running on the data directory when it was killed:
 * the embedded server is a process of its own, which outlives a {@code kill -9} of the JVM and keeps
 * the data directory, so that a new one cannot start there. Found by the pid file PostgreSQL keeps.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    /** Stops the server named by {@code dataDir}'s pid file if it still runs: asked first, then forced after {@code patience}. */
    static void stopIfRunning(Path dataDir, Duration patience) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) {
            log.warn("Embedded PostgreSQL: {} is left from a server that is gone (Writeback or PostgreSQL stopped without "
                    + "shutting down); PostgreSQL recovers from its log as it starts", pidFile.toAbsolutePath());
            return;
        }
        ProcessHandle process = server.get();
        log.warn("Embedded PostgreSQL: the server of an earlier Writeback that stopped without shutting it down still runs "
                + "on {} (pid {}{}); stopping it before starting a new one", dataDir.toAbsolutePath(), process.pid(),
                lines.size() > 3 ? ", port " + lines.get(3).strip() : "");
        process.destroy();
        if (!exited(process, patience)) {
            log.warn("Embedded PostgreSQL: pid {} did not stop within {} s; killing it", process.pid(), patience.toSeconds());
            process.destroyForcibly();
            if (!exited(process, patience)) {
                throw new IllegalStateException("the PostgreSQL server pid " + process.pid() + " left running on "
                        + dataDir.toAbsolutePath() + " does not stop; stop it, then start Writeback again");
            }
        }
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
