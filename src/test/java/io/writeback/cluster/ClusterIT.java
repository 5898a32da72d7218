package io.writeback.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.writeback.support.SyncFile;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Three Writeback processes on one PostgreSQL: a schedule fires each slot once across them, a run claimed on one
 * is refused on the others, a connection's rate limit holds for the three together, and a node killed mid-run
 * has its sync taken over by another, which recovers what it sent. The destination is the sandbox, whose records
 * and idempotency keys live in the shared database; the rate-limited one is a WireMock server that notes when
 * each call arrives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path WORK = Path.of("target", "cluster-test");
    private static final int BULK_ROWS = 3_000;
    private static final int LIMITED_ROWS = 24;
    private static final int LIMIT_PER_SECOND = 6;
    private static final WireMockServer COUNTED = new WireMockServer(options().dynamicPort().globalTemplating(true));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<WritebackProcess> NODES = new ArrayList<>();

    private static EmbeddedPostgres shared;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void threeNodesOnOneDatabase() throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(WORK);
        Path routes = Files.createDirectories(WORK.resolve("routes"));
        shared = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("db")).setCleanDataDirectory(true).start();
        jdbc = new JdbcTemplate(shared.getPostgresDatabase());
        jdbc.execute("""
                CREATE SCHEMA warehouse;
                CREATE TABLE warehouse.ticks (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO warehouse.ticks SELECT g, 'tick ' || g FROM generate_series(1, 3) AS g;
                CREATE TABLE warehouse.bulk (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO warehouse.bulk SELECT g, 'row ' || g FROM generate_series(1, %d) AS g;
                CREATE TABLE warehouse.limited (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO warehouse.limited SELECT g, 'item ' || g FROM generate_series(1, %d) AS g"""
                .formatted(BULK_ROWS, LIMITED_ROWS));
        SyncFile.of("ticks", "SELECT id, name FROM warehouse.ticks").cron("0/2 * * * * ?").writeTo(routes);
        SyncFile.of("once", "SELECT id, name FROM warehouse.bulk").writeTo(routes);
        SyncFile.of("bulk", "SELECT id, name FROM warehouse.bulk").source("chunkSize", 100)
                .fields("name, warehouse_id=id").deliver("slow", "bulk", 100).writeTo(routes);
        for (String sync : List.of("limited_a", "limited_b", "limited_c")) {
            SyncFile.of(sync, "SELECT id, name FROM warehouse.limited").deliver("counted", "items", 1).writeTo(routes);
        }
        COUNTED.start();
        COUNTED.stubFor(post(urlEqualTo("/items")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"{{randomValue type='UUID'}}\"}")));
        for (int node = 1; node <= 3; node++) {
            NODES.add(start(node));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> NODES.stream().allMatch(node -> liveNodes(node) == 3));
    }

    @AfterAll
    static void tearDown() throws InterruptedException, IOException {
        for (WritebackProcess node : NODES) {
            node.kill();
        }
        COUNTED.stop();
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    @Order(1)
    void aScheduleFiresEachSlotOnceAcrossTheNodesAndRunsOfASyncNeverOverlap() {
        Instant from = Instant.now().plusSeconds(4);
        await().pollDelay(Duration.ofSeconds(64)).atMost(Duration.ofSeconds(65)).until(() -> true);
        Instant to = from.plusSeconds(56);

        List<Map<String, Object>> slots = jdbc.queryForList("""
                SELECT scheduled_for, count(*) AS runs FROM writeback.runs
                WHERE sync = 'ticks' AND trigger = 'schedule' AND scheduled_for >= ? AND scheduled_for < ?
                GROUP BY scheduled_for ORDER BY scheduled_for""", Timestamp.from(from), Timestamp.from(to));
        List<Map<String, Object>> overlaps = jdbc.queryForList("""
                SELECT a.id, b.id FROM writeback.runs a JOIN writeback.runs b ON a.sync = b.sync AND a.id < b.id
                WHERE a.sync = 'ticks' AND b.started_at < a.finished_at AND a.started_at < b.finished_at""");

        assertThat(slots).hasSize(28);
        assertThat(slots).allSatisfy(slot -> assertThat(slot.get("runs")).isEqualTo(1L));
        assertThat(overlaps).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs WHERE sync = 'ticks' "
                + "AND status NOT IN ('succeeded', 'running')", Long.class)).isZero();
    }

    @Test
    @Order(2)
    void runNowOnEveryNodeAtOnceStartsOneRunAndTheOthersAreRefusedNamingIt() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (WritebackProcess node : NODES) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    ready.await();
                    return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/syncs/once/runs"))
                            .header("Authorization", admin()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        ready.countDown();
        List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> accepted = done.stream().filter(answer -> answer.statusCode() == 202).toList();
        List<HttpResponse<String>> refused = done.stream().filter(answer -> answer.statusCode() == 409).toList();
        assertThat(accepted).hasSize(1);
        assertThat(refused).hasSize(2);
        Matcher runId = Pattern.compile("\"runId\":(\\d+)").matcher(accepted.get(0).body());
        assertThat(runId.find()).isTrue();
        String node = jdbc.queryForObject("SELECT node FROM writeback.runs WHERE id = ?", String.class,
                Long.parseLong(runId.group(1)));
        assertThat(refused).allSatisfy(answer -> assertThat(answer.body())
                .contains("sync 'once' is already running (run " + runId.group(1) + " on node " + node + ")"));
    }

    @Test
    @Order(3)
    void aConnectionsRateLimitHoldsForTheThreeNodesTogether() throws Exception {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(NODES.get(i).startRun(List.of("limited_a", "limited_b", "limited_c").get(i)));
        }
        for (long run : runs) {
            await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject("SELECT status FROM writeback.runs WHERE id = ?",
                    String.class, run), status -> !status.matches("queued|running"));
        }

        List<Long> arrivals = COUNTED.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(request -> request.getLoggedDate().getTime()).sorted().toList();
        int busiestSecond = 0;
        for (int first = 0; first < arrivals.size(); first++) {
            int inWindow = 0;
            for (int next = first; next < arrivals.size() && arrivals.get(next) < arrivals.get(first) + 1000; next++) {
                inWindow++;
            }
            busiestSecond = Math.max(busiestSecond, inWindow);
        }
        assertThat(arrivals).hasSize(3 * LIMITED_ROWS);
        assertThat(busiestSecond).as("calls in the busiest second").isLessThanOrEqualTo(LIMIT_PER_SECOND);
        assertThat(jdbc.queryForList("SELECT DISTINCT node FROM writeback.runs WHERE id IN (?, ?, ?)", String.class,
                runs.toArray())).hasSize(3);
    }

    @Test
    @Order(4)
    void aNodeKilledMidRunHasItsSyncTakenOverByAnotherThatRecoversWhatItSent() throws Exception {
        WritebackProcess doomed = NODES.get(0);
        long runId = doomed.startRun("bulk");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> inSandbox("bulk") >= 600);
        doomed.kill();
        Instant killedAt = Instant.now();
        String deadNode = jdbc.queryForObject("SELECT node FROM writeback.runs WHERE id = ?", String.class, runId);

        // Within 30 s of the kill: dead after 15 s of silence, noticed on the next heartbeat (3 s) of another node.
        Map<String, Object> takeover = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> jdbc.queryForList("SELECT id, node, started_at FROM writeback.runs WHERE sync = 'bulk' AND id > ? "
                        + "AND trigger = 'recovery'", runId), found -> !found.isEmpty()).get(0);
        Duration takenOverAfter = Duration.between(killedAt, ((Timestamp) takeover.get("started_at")).toInstant());
        String ended = await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                "SELECT status FROM writeback.runs WHERE id = ?", String.class, takeover.get("id")),
                status -> !status.matches("queued|running"));

        assertThat(jdbc.queryForObject("SELECT status FROM writeback.runs WHERE id = ?", String.class, runId))
                .isEqualTo("interrupted");
        assertThat(takeover.get("node")).isNotEqualTo(deadNode);
        assertThat(ended).isEqualTo("succeeded");
        assertThat(jdbc.queryForMap("""
                SELECT count(*) AS records, count(DISTINCT data->>'warehouse_id') AS distinct_rows
                FROM sandbox.records WHERE object = 'bulk'""")).containsEntry("records", (long) BULK_ROWS)
                .containsEntry("distinct_rows", (long) BULK_ROWS);
        System.out.println("Cluster failover: sync taken over " + takenOverAfter.toMillis() + " ms after the kill");
    }

    private static long inSandbox(String object) {
        return jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = ?", Long.class, object);
    }

    private static int liveNodes(WritebackProcess node) {
        try {
            Matcher live = Pattern.compile("\"liveNodes\":(\\d+)").matcher(node.get("/api/cluster"));
            return live.find() ? Integer.parseInt(live.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString((TestUsers.ADMIN.username() + ":" + TestUsers.ADMIN.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A node of the cluster: the shared database, the sandbox served (its records there too), and two more connections. */
    private static WritebackProcess start(int node) throws IOException, InterruptedException {
        return WritebackProcess.start(List.of("-Xmx256m"), List.of(
                "--spring.datasource.url=" + shared.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--writeback.routes-dir=" + WORK.resolve("routes").toAbsolutePath(),
                "--writeback.demo.enabled=true",
                "--writeback.cluster.node-id=node-" + node,
                "--writeback.connections.slow.base-url=/sandbox",
                "--writeback.connections.slow.auth.type=basic",
                "--writeback.connections.slow.auth.username=" + TestUsers.ADMIN.username(),
                "--writeback.connections.slow.auth.password=" + TestUsers.ADMIN.password(),
                "--writeback.connections.slow.idempotency-key-header=Idempotency-Key",
                "--writeback.connections.slow.bulk-insert.path=/{object}/batch",
                "--writeback.connections.slow.bulk-insert.items-field=inputs",
                "--writeback.connections.slow.bulk-insert.keys-field=idempotencyKeys",
                "--writeback.connections.slow.rate-limit.requests=" + LIMIT_PER_SECOND,
                "--writeback.connections.slow.rate-limit.per=1s",
                "--writeback.connections.counted.base-url=http://127.0.0.1:" + COUNTED.port(),
                "--writeback.connections.counted.allowed-hosts=127.0.0.1",
                "--writeback.connections.counted.rate-limit.requests=" + LIMIT_PER_SECOND,
                "--writeback.connections.counted.rate-limit.per=1s"), WORK.resolve("node-" + node + ".log"));
    }
}
