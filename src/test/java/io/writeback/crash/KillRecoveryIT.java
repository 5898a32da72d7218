package io.writeback.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Kills a separate Writeback process (SIGKILL) in the middle of a 5,000-row run, at several
 * moments, restarts it each time, and shows that the sandbox ends with every record exactly once.
 */
class KillRecoveryIT {

    private static final int ROWS = 5_000;
    private static final Path WORK = Path.of("target", "kill-test");

    private static final List<WritebackProcess> STARTED = new ArrayList<>();

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void setUp() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK.resolve("routes"));
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("db")).setCleanDataDirectory(true).start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        BulkRows.prepare(jdbc, ROWS, WORK.resolve("routes"), "sandbox");
    }

    @AfterAll
    static void tearDown() throws IOException, InterruptedException {
        // A failed assertion must not leave a Writeback process behind.
        for (WritebackProcess writeback : STARTED) {
            writeback.kill();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedMidRunAtSeveralMomentsItLosesNothingAndDuplicatesNothing() throws Exception {
        List<Long> unsettledAfterKills = new ArrayList<>();
        int[] killWhenSandboxHolds = {1, 1_250, 3_000, 4_750};
        for (int i = 0; i < killWhenSandboxHolds.length; i++) {
            WritebackProcess writeback = start("run-" + i);
            writeback.startRun("bulk");
            int threshold = killWhenSandboxHolds[i];
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> BulkRows.inSandbox(jdbc) >= threshold);
            writeback.kill();
            unsettledAfterKills.add(jdbc.queryForObject(
                    "SELECT coalesce(sum(cardinality(source_ids)), 0) FROM writeback.intents WHERE sync = 'bulk'", Long.class));
        }

        WritebackProcess writeback = start("final");
        long runId = writeback.startRun("bulk");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("SELECT status FROM writeback.runs WHERE id = ?", String.class, runId),
                        status -> !status.matches("queued|running"));
        writeback.close();

        Map<String, Object> sandbox = BulkRows.sandboxCounts(jdbc);
        assertThat(sandbox).containsEntry("records", (long) ROWS).containsEntry("distinct_rows", (long) ROWS);
        assertThat(jdbc.queryForObject("SELECT status FROM writeback.runs WHERE id = ?", String.class, runId))
                .isEqualTo("succeeded");
        assertThat(jdbc.queryForList("""
                SELECT l.source_id, l.target_id, l.status, r.data::text AS record FROM writeback.links l
                LEFT JOIN sandbox.records r ON r.id::text = l.target_id
                WHERE l.sync = 'bulk' AND (l.status NOT IN ('success', 'skipped-same-hash') OR r.data->>'warehouse_id' IS DISTINCT FROM l.source_id)
                LIMIT 5""")).as("links that do not point at their own record").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs WHERE status = 'interrupted'", Long.class))
                .isEqualTo(killWhenSandboxHolds.length);
        // Counts are saved with each chunk's links: an interrupted run counts exactly what it recorded, so over
        // all runs every row is counted once, inserted by the run that recorded it or recovered by a later one.
        assertThat(jdbc.queryForObject("SELECT sum(inserted + updated) FROM writeback.runs WHERE sync = 'bulk'", Long.class))
                .isEqualTo(ROWS);
        // The kills hit records whose inserts were sent and not yet recorded: the case recovery is for.
        assertThat(unsettledAfterKills.stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    private static WritebackProcess start(String name) throws IOException, InterruptedException {
        WritebackProcess writeback = WritebackProcess.start(List.of("-Xmx256m"), List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--writeback.routes-dir=" + WORK.resolve("routes").toAbsolutePath(),
                "--writeback.schedules.enabled=false",
                // Each start is the same node coming back (on a port of its own): it closes its own leftovers at once.
                "--writeback.cluster.node-id=kill-recovery",
                "--writeback.demo.enabled=true"), WORK.resolve(name + ".log"));
        STARTED.add(writeback);
        return writeback;
    }
}
