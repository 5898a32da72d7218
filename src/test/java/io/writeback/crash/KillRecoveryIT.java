package io.writeback.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Kills a separate Writeback process (SIGKILL) in the middle of a 10,000-row run, at several
 * moments, restarts it each time, and shows that the sandbox ends with every record exactly once.
 */
class KillRecoveryIT {

    private static final int ROWS = 10_000;
    private static final Path WORK = Path.of("target", "kill-test");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final List<Process> STARTED = new ArrayList<>();

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static int port;

    @BeforeAll
    static void setUp() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK.resolve("routes"));
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("db")).setCleanDataDirectory(true).start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute("""
                CREATE SCHEMA warehouse;
                CREATE TABLE warehouse.bulk (id int PRIMARY KEY, name text NOT NULL, amount int NOT NULL);
                INSERT INTO warehouse.bulk SELECT g, 'row ' || g, g %% 1000 FROM generate_series(1, %d) AS g""".formatted(ROWS));
        Files.writeString(WORK.resolve("routes/bulk.camel.yaml"), """
                - route:
                    id: bulk
                    from:
                      uri: quartz:writeback/bulk
                      parameters:
                        cron: "0 0 3 * * ?"
                      steps:
                        - to:
                            uri: writeback:source
                            parameters:
                              query: SELECT id, name, amount FROM warehouse.bulk
                              key: id
                              chunkSize: 100
                        - split:
                            simple: "${body}"
                            streaming: true
                            stopOnException: true
                            steps:
                              - to:
                                  uri: writeback:map
                                  parameters:
                                    fields: name, amount, warehouse_id=id
                              - to: writeback:plan
                              - to:
                                  uri: writeback:deliver
                                  parameters:
                                    connection: sandbox
                                    object: bulk
                """);
        port = freePort();
    }

    @AfterAll
    static void tearDown() throws IOException, InterruptedException {
        // A failed assertion must not leave a Writeback process behind.
        for (Process process : STARTED) {
            process.destroyForcibly().waitFor();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedMidRunAtSeveralMomentsItLosesNothingAndDuplicatesNothing() throws Exception {
        List<Long> pendingAfterKills = new ArrayList<>();
        int[] killWhenSandboxHolds = {1, 2_500, 6_000, 9_500};
        for (int i = 0; i < killWhenSandboxHolds.length; i++) {
            Process writeback = start("run-" + i);
            startRun();
            int threshold = killWhenSandboxHolds[i];
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> sandboxRecords() >= threshold);
            writeback.destroyForcibly().waitFor();
            pendingAfterKills.add(jdbc.queryForObject(
                    "SELECT count(*) FROM writeback.links WHERE sync = 'bulk' AND status = 'pending'", Long.class));
        }

        Process writeback = start("final");
        long runId = startRun();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("SELECT status FROM writeback.runs WHERE id = ?", String.class, runId),
                        status -> !status.matches("queued|running"));
        writeback.destroy();
        writeback.waitFor();

        Map<String, Object> sandbox = jdbc.queryForMap("""
                SELECT count(*) AS records, count(DISTINCT data->>'warehouse_id') AS distinct_rows
                FROM sandbox.records WHERE object = 'bulk'""");
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
        // The kills hit records whose inserts were sent and not yet recorded: the case recovery is for.
        assertThat(pendingAfterKills.stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    private static Process start(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", new File("target/writeback.jar").getAbsolutePath(),
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--writeback.routes-dir=" + WORK.resolve("routes").toAbsolutePath(),
                "--writeback.schedules.enabled=false",
                "--writeback.demo.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve(name + ".log").toFile())
                .start();
        STARTED.add(process);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> get("/actuator/health").startsWith("{\"status\":\"UP\""));
        return process;
    }

    private static long startRun() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/syncs/bulk/runs"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Matcher runId = Pattern.compile("\"runId\":(\\d+)").matcher(response.body());
        assertThat(runId.find()).as("run accepted: %s", response.body()).isTrue();
        return Long.parseLong(runId.group(1));
    }

    private static long sandboxRecords() {
        return jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = 'bulk'", Long.class);
    }

    private static String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
