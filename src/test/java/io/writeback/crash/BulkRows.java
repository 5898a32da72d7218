package io.writeback.crash;

import io.writeback.support.SyncFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The crash tests' workload: a warehouse table of numbered rows, the sync {@code bulk} that sends them in
 * chunks and bulk calls of 100, and what a sandbox holds of them.
 */
final class BulkRows {

    private BulkRows() {
    }

    /** Makes {@code warehouse.bulk} with {@code rows} rows, and writes the sync file, delivering to {@code connection}. */
    static void prepare(JdbcTemplate jdbc, int rows, Path routes, String connection) throws IOException {
        jdbc.execute("""
                CREATE SCHEMA warehouse;
                CREATE TABLE warehouse.bulk (id int PRIMARY KEY, name text NOT NULL, amount int NOT NULL);
                INSERT INTO warehouse.bulk SELECT g, 'row ' || g, g %% 1000 FROM generate_series(1, %d) AS g""".formatted(rows));
        SyncFile.of("bulk", "SELECT id, name, amount FROM warehouse.bulk").source("chunkSize", 100)
                .fields("name, amount, warehouse_id=id").deliver(connection, "bulk", 100).writeTo(routes);
    }

    /** The records of object {@code bulk} in the sandbox's database behind {@code jdbc}. */
    static long inSandbox(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = 'bulk'", Long.class);
    }

    /** How many records the sandbox holds, and for how many distinct rows. */
    static Map<String, Object> sandboxCounts(JdbcTemplate jdbc) {
        return jdbc.queryForMap("""
                SELECT count(*) AS records, count(DISTINCT data->>'warehouse_id') AS distinct_rows
                FROM sandbox.records WHERE object = 'bulk'""");
    }
}
