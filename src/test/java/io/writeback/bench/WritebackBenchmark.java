package io.writeback.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.writeback.support.SyncFile;
import io.writeback.support.WritebackProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Writeback's benchmark: {@code ./mvnw -Pbench verify [-Dbench.rows=1000000] [-Dbench.memoryRows=10000000]
 * [-Dbench.profile=true] [-Dbench.sinkLatencyMs=0] [-Dbench.dbUrl=jdbc:postgresql://... -Dbench.dbUser=... -Dbench.dbPassword=...]}.
 * Writeback runs as a process of its own under -Xmx256m against generated rows in PostgreSQL and a
 * local sink; every scenario is reported with its time, rate, HTTP calls, peak heap, and its ratio to
 * the floors measured in the same run. Prints a table and writes target/bench/results.json. With
 * bench.profile, Writeback runs under Java Flight Recorder and each scenario's samples are summarized.
 */
class WritebackBenchmark {

    private static final Path WORK = Path.of("target", "bench");
    private static final long SINGLE_ROWS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern GC_AFTER = Pattern.compile("\\d+M->(\\d+)M\\(\\d+M\\)");
    private static final String COLUMNS = """
            g AS id, 'first' || g AS first_name, 'last' || (g % 5000) AS last_name, 'c' || g || '@example.com' AS email,
            '+1-555-' || lpad((g % 10000)::text, 4, '0') AS phone, 'Company ' || (g % 20000) AS company,
            (ARRAY['Berlin', 'Lyon', 'Leeds', 'Austin', 'Osaka'])[1 + g % 5] AS city,
            (ARRAY['DE', 'FR', 'GB', 'US', 'JP'])[1 + g % 5] AS country, g % 97 AS segment, (g * 7919) % 1000 AS score,
            md5(g::text) || md5((g + 1)::text) || md5((g + 2)::text) AS notes,
            timestamptz '2026-01-01' + g * interval '1 millisecond' AS updated_at""";

    private final long rows = Long.getLong("bench.rows", 1_000_000);
    private final long memoryRows = Long.getLong("bench.memoryRows", 10_000_000);
    private final boolean profile = Boolean.getBoolean("bench.profile");
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final List<ProfileSummary.Window> windows = new ArrayList<>();
    private Path gcLog;
    private long gcLogRead;

    @Test
    void measure() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK.resolve("routes"));
        try (BenchDatabase benchDatabase = BenchDatabase.open(WORK.resolve("db"));
                BenchSink sink = new BenchSink(190, Duration.ofSeconds(10), Duration.ofMillis(Long.getLong("bench.sinkLatencyMs", 0)))) {
            DataSource database = benchDatabase.dataSource();
            JdbcTemplate jdbc = new JdbcTemplate(database);
            generate(jdbc, "bench.customers", rows);
            writeSyncs();
            Map<String, Double> floors = floors(database, sink);
            try (WritebackProcess writeback = WritebackProcess.start(jvmOptions("writeback"), arguments(benchDatabase, sink),
                    benchDatabase.writebackEnvironment(), WORK.resolve("writeback.log"))) {
                scenarios(writeback, jdbc, sink, floors);
            }
            // The same state database, and the warehouse taken for another one: every row is read and planned in Java.
            List<String> elsewhere = new ArrayList<>(arguments(benchDatabase, sink));
            elsewhere.addAll(benchDatabase.warehouseArguments());
            try (WritebackProcess writeback = WritebackProcess.start(jvmOptions("elsewhere"), elsewhere,
                    benchDatabase.writebackEnvironment(), WORK.resolve("writeback-elsewhere.log"))) {
                elsewhereScenarios(writeback, jdbc, sink, floors);
            }
            report(floors);
            if (profile) {
                Map<String, Map<String, Long>> samples = ProfileSummary.summarize(recording("writeback"), windows);
                ProfileSummary.summarize(recording("elsewhere"), windows).forEach((scenario, counts) ->
                        counts.forEach((method, count) -> samples.get(scenario).merge(method, count, Long::sum)));
                String summary = ProfileSummary.format(samples);
                System.out.println(summary);
                Files.writeString(WORK.resolve("profile.txt"), summary);
            }
        }
    }

    /** The options of the Writeback process {@code name}, whose GC log the scenarios read from now on. */
    private List<String> jvmOptions(String name) {
        gcLog = WORK.resolve(name + "-gc.log");
        gcLogRead = 0;
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog.toAbsolutePath()));
        if (profile) {
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording(name).toAbsolutePath());
        }
        return options;
    }

    private static Path recording(String name) {
        return WORK.resolve(name + ".jfr");
    }

    private void scenarios(WritebackProcess writeback, JdbcTemplate jdbc, BenchSink sink, Map<String, Double> floors)
            throws Exception {
        double readAndWrite = floors.get("stream") + floors.get("post") + floors.get("copy");
        measure("1 initial", writeback, sink, "bench_full", readAndWrite, rows);
        measure("2 unchanged", writeback, sink, "bench_full", floors.get("stream"), rows);
        long naiveRows = Math.min(rows, 100_000);
        peer("peer 1: naive route, initial", sink, naiveRows, naiveRows,
                () -> NaivePeer.run(jdbc.getDataSource(), sink.port(), naiveRows), "1 initial");
        peer("peer 2: naive route, re-run", sink, naiveRows, naiveRows,
                () -> NaivePeer.run(jdbc.getDataSource(), sink.port(), naiveRows), "2 unchanged");
        SkilledPeer.prepare(jdbc);
        peer("peer 3: skilled route, initial", sink, rows, rows, () -> SkilledPeer.run(jdbc.getDataSource(), sink.port()),
                "1 initial");
        peer("peer 4: skilled route, re-run", sink, rows, 0, () -> SkilledPeer.run(jdbc.getDataSource(), sink.port()),
                "2 unchanged");
        jdbc.update("UPDATE bench.customers SET score = score + 1 WHERE id % 100 = 0");
        measure("3 one-percent", writeback, sink, "bench_full", onePercentFloor(floors), rows);
        run(writeback, "bench_incremental");
        jdbc.update("INSERT INTO bench.customers SELECT " + COLUMNS.replace("timestamptz '2026-01-01'", "timestamptz '2027-01-01'")
                + " FROM generate_series(?, ?) AS g", rows + 1, rows + rows / 100);
        measure("4 incremental", writeback, sink, "bench_incremental",
                (floors.get("stream") + floors.get("post") + floors.get("copy")) / 100, 0);
        double singleShare = (double) Math.min(rows, SINGLE_ROWS) / rows;
        measure("5 single-record, 8 in flight", writeback, sink, "bench_single",
                (floors.get("stream") + floors.get("copy")) * singleShare + floors.get("postSingle8"), 0);
        measure("6 rate-limited 190/10 s", writeback, sink, "bench_limited", Double.NaN, 0);
        generate(jdbc, "bench.big", memoryRows);
        // The floors were measured over `rows` rows; the memory scenario's scale them to its own.
        measure("7 memory", writeback, sink, "bench_memory", readAndWrite * memoryRows / rows, memoryRows);
    }

    /**
     * Runs {@code sync} once as {@code scenario}; its rate is of the {@code queryRows} its query holds (0: of the
     * rows it read), since a run that keeps unchanged rows back in the database reads only the others.
     */
    /** The full scans again, by a Writeback that takes the warehouse for another database than its own. */
    private void elsewhereScenarios(WritebackProcess writeback, JdbcTemplate jdbc, BenchSink sink, Map<String, Double> floors)
            throws Exception {
        // By now the query also holds the rows the incremental scenario added. One pass first warms the new process up.
        long queryRows = rows + rows / 100;
        run(writeback, "bench_full");
        measure("2b unchanged, warehouse elsewhere", writeback, sink, "bench_full", floors.get("stream"), queryRows);
        jdbc.update("UPDATE bench.customers SET score = score + 1 WHERE id % 100 = 1");
        measure("3b one-percent, warehouse elsewhere", writeback, sink, "bench_full", onePercentFloor(floors), queryRows);
    }

    private static double onePercentFloor(Map<String, Double> floors) {
        return floors.get("stream") + (floors.get("post") + floors.get("copy")) / 100;
    }

    private void measure(String scenario, WritebackProcess writeback, BenchSink sink, String sync, double floorSeconds,
            long queryRows) throws Exception {
        sink.reset();
        readGcLog();
        Map<String, Long> cpuBefore = CpuUse.snapshot(writeback.pid());
        Instant start = Instant.now();
        JsonNode run = run(writeback, sync);
        Instant end = Instant.now();
        Map<String, Double> coresBusy = CpuUse.coresBusy(cpuBefore, CpuUse.snapshot(writeback.pid()),
                Duration.between(start, end).toMillis() / 1000.0);
        windows.add(new ProfileSummary.Window(scenario, start, end));
        double seconds = run.get("durationMillis").asLong() / 1000.0;
        long read = run.at("/counts/rowsRead").asLong();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", scenario);
        result.put("sync", sync);
        result.put("status", run.get("status").asText());
        result.put("rows", read);
        result.put("queryRows", queryRows > 0 ? queryRows : read);
        result.put("seconds", seconds);
        result.put("rowsPerSecond", seconds == 0 ? null : Math.round((queryRows > 0 ? queryRows : read) / seconds));
        result.put("httpCalls", run.at("/counts/httpCalls").asLong());
        result.put("sinkCalls", sink.calls());
        result.put("sinkRecords", sink.records());
        result.put("refused429", sink.refused());
        Map<String, Long> heap = readGcLog();
        result.put("peakHeapAfterGcMb", heap.get("peakAfterGc"));
        result.put("liveHeapAfterMarkingMb", heap.get("liveAfterMarking"));
        result.put("coresBusy", coresBusy);
        result.put("floorSeconds", Double.isNaN(floorSeconds) ? null : floorSeconds);
        result.put("ratioToFloors", Double.isNaN(floorSeconds) || floorSeconds == 0 ? null : seconds / floorSeconds);
        if (sync.equals("bench_limited")) {
            // The most calls a 190-per-10-s sliding window allows in this time: 190 in every window started.
            result.put("shareOfCeiling", sink.calls() / (190.0 * Math.ceil(seconds / 10)));
        }
        results.add(result);
    }

    /**
     * Runs a peer's route over {@code peerRows} rows, which must send {@code records} of them, and compares:
     * Writeback's rows per second in {@code compareWith} divided by the route's.
     */
    private void peer(String scenario, BenchSink sink, long peerRows, long records, Callable<Duration> route,
            String compareWith) throws Exception {
        sink.reset();
        double seconds = route.call().toNanos() / 1e9;
        if (sink.records() != records) {
            throw new IllegalStateException(scenario + ": the route sent " + sink.records() + " records, not " + records);
        }
        long writebackRate = results.stream().filter(r -> r.get("scenario").equals(compareWith))
                .map(r -> (Long) r.get("rowsPerSecond")).findFirst().orElseThrow();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", scenario);
        result.put("status", "peer");
        result.put("rows", peerRows);
        result.put("seconds", seconds);
        result.put("rowsPerSecond", Math.round(peerRows / seconds));
        result.put("httpCalls", sink.calls());
        result.put("sinkRecords", sink.records());
        result.put("writebackRatio", writebackRate / (peerRows / seconds));
        results.add(result);
    }

    private static JsonNode run(WritebackProcess writeback, String sync) throws Exception {
        long runId = writeback.startRun(sync);
        return await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(writeback.get("/api/runs/" + runId)),
                        run -> !run.get("status").asText().matches("queued|running"));
    }

    private Map<String, Double> floors(DataSource database, BenchSink sink) throws Exception {
        Map<String, Double> floors = new LinkedHashMap<>();
        // The sink, the client and the JDBC driver run in this JVM: warm them up first, or the floors measure the JIT compiler.
        Floors.stream(database, "SELECT * FROM bench.customers LIMIT 100000");
        floors.put("stream", Floors.stream(database, "SELECT * FROM bench.customers").toNanos() / 1e9);
        Map<String, Object> record = Map.of(
                "first_name", "first123456", "last_name", "last1234", "email", "c123456@example.com", "phone", "+1-555-0123",
                "company", "Company 12345", "city", "Berlin", "country", "DE", "segment", 42, "score", 512,
                "notes", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        String sinkUrl = "http://127.0.0.1:" + sink.port() + "/sink/floor";
        String batch = JSON.writeValueAsString(Map.of("inputs", java.util.Collections.nCopies(100, record)));
        Floors.post(sinkUrl + "/batch", batch, 500, 1);
        Floors.post(sinkUrl, JSON.writeValueAsString(record), 50_000, 8);
        floors.put("post", Floors.post(sinkUrl + "/batch", batch, rows / 100, 1).toNanos() / 1e9);
        floors.put("postSingle8", Floors.post(sinkUrl, JSON.writeValueAsString(record), Math.min(rows, SINGLE_ROWS), 8).toNanos() / 1e9);
        floors.put("postSingle1", Floors.post(sinkUrl, JSON.writeValueAsString(record), Math.min(rows, SINGLE_ROWS), 1).toNanos() / 1e9);
        floors.put("copy", Floors.copyLinks(database, rows).toNanos() / 1e9);
        sink.reset();
        return floors;
    }

    private static void generate(JdbcTemplate jdbc, String table, long count) {
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS bench");
        jdbc.execute("CREATE TABLE " + table + " AS SELECT " + COLUMNS + " FROM generate_series(1::bigint, " + count + ") AS g");
        jdbc.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (id)");
        jdbc.execute("CREATE INDEX ON " + table + " (updated_at)");
        jdbc.execute("ANALYZE " + table);
    }

    private static List<String> arguments(BenchDatabase database, BenchSink sink) {
        String sinkUrl = "http://127.0.0.1:" + sink.port();
        List<String> arguments = new ArrayList<>(database.writebackArguments());
        arguments.addAll(List.of(
                "--writeback.routes-dir=" + WORK.resolve("routes").toAbsolutePath(),
                "--writeback.schedules.enabled=false",
                "--writeback.demo.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.io.writeback.run=INFO",
                "--writeback.connections.sink.base-url=" + sinkUrl + "/sink",
                "--writeback.connections.sink.allowed-hosts=127.0.0.1",
                "--writeback.connections.single.allowed-hosts=127.0.0.1",
                "--writeback.connections.limited.allowed-hosts=127.0.0.1",
                "--writeback.connections.sink.bulk-insert.path=/{object}/batch",
                "--writeback.connections.sink.bulk-insert.items-field=inputs",
                "--writeback.connections.single.base-url=" + sinkUrl + "/sink",
                "--writeback.connections.single.max-in-flight=8",
                "--writeback.connections.limited.base-url=" + sinkUrl + "/limited",
                "--writeback.connections.limited.rate-limit.requests=190",
                "--writeback.connections.limited.rate-limit.per=10s"));
        return arguments;
    }

    private static void writeSyncs() throws IOException {
        String fields = "first_name, last_name, email, phone, company, city, country, segment, score, notes";
        Path routes = WORK.resolve("routes");
        SyncFile.of("bench_full", "SELECT * FROM bench.customers").source("chunkSize", 1000).fields(fields)
                .deliver("sink", "customers", 100).writeTo(routes);
        SyncFile.of("bench_incremental", "SELECT * FROM bench.customers").source("cursor", "updated_at")
                .source("linksOf", "bench_full").source("chunkSize", 1000).fields(fields)
                .deliver("sink", "customers", 100).writeTo(routes);
        SyncFile.of("bench_single", "SELECT * FROM bench.customers WHERE id <= " + SINGLE_ROWS).source("chunkSize", 1000)
                .fields(fields).deliver("single", "customers", 1).writeTo(routes);
        SyncFile.of("bench_limited", "SELECT * FROM bench.customers WHERE id <= 1140").source("chunkSize", 1000)
                .fields(fields).deliver("limited", "customers", 1).writeTo(routes);
        SyncFile.of("bench_memory", "SELECT * FROM bench.big").source("chunkSize", 1000).fields(fields)
                .deliver("sink", "customers", 100).writeTo(routes);
    }

    /**
     * From Writeback's GC log, the lines since the last call: the largest heap after any collection (an
     * upper bound of live data: a young collection leaves old garbage in place), and the largest after a
     * marking cycle's remark or a full collection (live data itself; null when none ran), in MB.
     */
    private Map<String, Long> readGcLog() throws IOException {
        List<String> lines = Files.readAllLines(gcLog);
        Map<String, Long> heap = new LinkedHashMap<>();
        for (String line : lines.subList((int) Math.min(gcLogRead, lines.size()), lines.size())) {
            Matcher after = GC_AFTER.matcher(line);
            if (after.find()) {
                long megabytes = Long.parseLong(after.group(1));
                heap.merge("peakAfterGc", megabytes, Math::max);
                if (line.contains("Pause Remark") || line.contains("Pause Full")) {
                    heap.merge("liveAfterMarking", megabytes, Math::max);
                }
            }
        }
        gcLogRead = lines.size();
        return heap;
    }

    private void report(Map<String, Double> floors) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        report.put("rows", rows);
        report.put("memoryRows", memoryRows);
        report.put("floorsSeconds", floors);
        report.put("scenarios", results);
        Files.writeString(WORK.resolve("results.json"), JSON.writeValueAsString(report));
        StringBuilder table = new StringBuilder(String.format("%n%-32s %-22s %10s %9s %10s %9s %9s %8s %6s%n", "scenario", "status",
                "rows", "seconds", "rows/s", "calls", "heap MB", "floor s", "ratio"));
        for (Map<String, Object> r : results) {
            table.append(String.format("%-32s %-22s %10d %9.2f %10s %9d %9s %8s %6s%n", r.get("scenario"), r.get("status"),
                    r.get("rows"), r.get("seconds"), r.get("rowsPerSecond"), r.get("httpCalls"), r.get("peakHeapAfterGcMb"),
                    r.get("floorSeconds") == null ? "-" : String.format("%.2f", r.get("floorSeconds")),
                    r.get("ratioToFloors") == null ? "-" : String.format("%.2f", r.get("ratioToFloors"))));
        }
        table.append("heap MB: the largest heap after a collection during the run, an upper bound of its live data\n");
        results.stream().filter(r -> r.get("liveHeapAfterMarkingMb") != null).forEach(r -> table.append(String.format(
                "  %s: at most %d MB live after a marking cycle%n", r.get("scenario"), r.get("liveHeapAfterMarkingMb"))));
        table.append(String.format("cores busy on average (of %d): machine, and Writeback, PostgreSQL, this JVM with the sink%n",
                Runtime.getRuntime().availableProcessors()));
        results.stream().filter(r -> r.get("coresBusy") != null).forEach(r -> table.append(String.format("  %-30s %s%n",
                r.get("scenario"), r.get("coresBusy"))));
        table.append(String.format("floors: stream %.2f s, post %.2f s, copy %.2f s; %d single posts, 8 at once, %.2f s "
                + "(one at a time: %.2f s)%n", floors.get("stream"), floors.get("post"), floors.get("copy"),
                Math.min(rows, SINGLE_ROWS), floors.get("postSingle8"), floors.get("postSingle1")));
        results.stream().filter(r -> r.containsKey("writebackRatio")).forEach(r -> table.append(String.format(
                "%s: Writeback's rows/s are %.2f times the route's%n", r.get("scenario"), (double) r.get("writebackRatio"))));
        results.stream().filter(r -> r.containsKey("shareOfCeiling")).forEach(r -> table.append(String.format(
                "rate-limited: %.1f%% of the ceiling, %d answers 429%n", 100 * (double) r.get("shareOfCeiling"), r.get("refused429"))));
        System.out.println(table);
        Files.writeString(WORK.resolve("results.txt"), table);
    }
}
