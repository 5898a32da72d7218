package io.writeback.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.writeback.support.TestUsers;
import io.writeback.support.WritebackProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Kills the embedded PostgreSQL of a Writeback (SIGKILL to its server) in the middle of a run, while
 * the records go to a destination that keeps everything it was sent: another Writeback's sandbox, on a
 * database of its own. Writeback's commits before the kill must survive it, or the next run creates
 * again the records whose intents were lost.
 */
class PostgresKillIT {

    private static final int ROWS = 5_000;
    private static final Path WORK = Path.of("target", "postgres-kill-test");
    private static final List<WritebackProcess> STARTED = new ArrayList<>();

    private static EmbeddedPostgres outside;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void setUp() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK.resolve("routes"));
        Files.createDirectories(WORK.resolve("no-routes"));
        outside = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("outside-db")).setCleanDataDirectory(true).start();
        jdbc = new JdbcTemplate(outside.getPostgresDatabase());
        BulkRows.prepare(jdbc, ROWS, WORK.resolve("routes"), "remote");
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        for (WritebackProcess writeback : STARTED) {
            writeback.kill();
        }
        if (outside != null) {
            try {
                outside.close();
            } catch (IOException e) {
                // Closing is best effort: the data directory is scratch.
            }
        }
    }

    @Test
    void killingPostgresMidRunLosesNoCommitSoNothingIsCreatedTwice() throws Exception {
        WritebackProcess destination = start("destination", List.of(
                "--spring.datasource.url=" + outside.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--writeback.routes-dir=" + WORK.resolve("no-routes").toAbsolutePath(),
                "--writeback.demo.enabled=true"));
        WritebackProcess writeback = startWriteback("run", destination);
        writeback.startRun("bulk");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> BulkRows.inSandbox(jdbc) >= 2_000);

        ProcessHandle postgres = ProcessHandle.of(Long.parseLong(Files.readAllLines(WORK.resolve("state/postmaster.pid"))
                .get(0).strip())).orElseThrow();
        postgres.destroyForcibly();
        postgres.onExit().join();
        writeback.kill();
        long sentBeforeKill = BulkRows.inSandbox(jdbc);

        WritebackProcess again = startWriteback("after-kill", destination);
        long runId = again.startRun("bulk");
        String ended = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> again.get("/api/runs/" + runId), state -> !state.matches(".*\"status\":\"(queued|running)\".*"));
        again.close();

        Map<String, Object> sandbox = BulkRows.sandboxCounts(jdbc);
        assertThat(sentBeforeKill).isLessThan(ROWS);
        assertThat(sandbox).containsEntry("records", (long) ROWS).containsEntry("distinct_rows", (long) ROWS);
        assertThat(ended).contains("\"status\":\"succeeded\"");
        assertThat(Files.readString(WORK.resolve("after-kill.log"))).contains("Embedded PostgreSQL: ")
                .contains("postmaster.pid is left from a server that is gone");
    }

    /** A Writeback on its own embedded PostgreSQL, reading the warehouse outside and writing to {@code destination}'s sandbox. */
    private static WritebackProcess startWriteback(String name, WritebackProcess destination)
            throws IOException, InterruptedException {
        return start(name, List.of(
                "--writeback.embedded-db.data-dir=" + WORK.resolve("state").toAbsolutePath(),
                "--writeback.routes-dir=" + WORK.resolve("routes").toAbsolutePath(),
                "--writeback.warehouse.url=" + outside.getJdbcUrl("postgres", "postgres"),
                "--writeback.warehouse.username=postgres",
                "--writeback.demo.enabled=false",
                "--writeback.connections.remote.base-url=" + destination.baseUrl() + "/sandbox",
                "--writeback.connections.remote.allowed-hosts=127.0.0.1",
                "--writeback.connections.remote.auth.type=basic",
                "--writeback.connections.remote.auth.username=" + TestUsers.ADMIN.username(),
                "--writeback.connections.remote.auth.password=" + TestUsers.ADMIN.password(),
                "--writeback.connections.remote.idempotency-key-header=Idempotency-Key",
                "--writeback.connections.remote.bulk-insert.path=/{object}/batch",
                "--writeback.connections.remote.bulk-insert.items-field=inputs",
                "--writeback.connections.remote.bulk-insert.keys-field=idempotencyKeys"));
    }

    private static WritebackProcess start(String name, List<String> arguments) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(arguments);
        all.add("--writeback.schedules.enabled=false");
        WritebackProcess writeback = WritebackProcess.start(List.of("-Xmx256m"), all, WORK.resolve(name + ".log"));
        STARTED.add(writeback);
        return writeback;
    }
}
