package io.writeback.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's PostgreSQL: an embedded server of its own under {@code target/bench/db}, or, with
 * {@code -Dbench.dbUrl=jdbc:postgresql://...} (and {@code bench.dbUser}, {@code bench.dbPassword}), an
 * external one, which holds both the generated rows and Writeback's state. On an external server the
 * benchmark replaces its own tables (schema {@code bench}) and clears the state of its own syncs
 * ({@code bench_*}) only.
 */
final class BenchDatabase implements AutoCloseable {

    private static final List<String> STATE_TABLES = List.of("links", "intents", "runs", "bookmarks", "dead_letters",
            "invalid_rows");

    private final EmbeddedPostgres embedded;
    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;

    private BenchDatabase(EmbeddedPostgres embedded, DataSource dataSource, String url, String user, String password) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase open(Path embeddedDirectory) throws IOException {
        String external = System.getProperty("bench.dbUrl");
        if (external == null || external.isBlank()) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(embeddedDirectory)
                    .setCleanDataDirectory(true).setServerConfig("max_wal_size", "4GB").start();
            return new BenchDatabase(postgres, postgres.getPostgresDatabase(), postgres.getJdbcUrl("postgres", "postgres"),
                    "postgres", "");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(external);
        dataSource.setUser(System.getProperty("bench.dbUser", "postgres"));
        dataSource.setPassword(System.getProperty("bench.dbPassword", ""));
        BenchDatabase database = new BenchDatabase(null, dataSource, external, dataSource.getUser(), dataSource.getPassword());
        database.clearBenchState();
        return database;
    }

    private void clearBenchState() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP SCHEMA IF EXISTS bench CASCADE");
        for (String table : STATE_TABLES) {
            if (jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, "writeback." + table)) {
                jdbc.update("DELETE FROM writeback." + table + " WHERE sync LIKE 'bench\\_%'");
            }
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Writeback's arguments that point it at this database. */
    List<String> writebackArguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user);
    }

    /** Writeback's arguments that make it read this database as a warehouse of its own, apart from its state. */
    List<String> warehouseArguments() {
        return List.of("--writeback.warehouse.url=" + url, "--writeback.warehouse.username=" + user);
    }

    /** Writeback's environment for this database: the password, kept off the command line. */
    Map<String, String> writebackEnvironment() {
        return Map.of("SPRING_DATASOURCE_PASSWORD", password, "WRITEBACK_WAREHOUSE_PASSWORD", password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
