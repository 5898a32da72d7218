package io.writeback.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.postgresql.PGConnection;

/**
 * The fastest this machine does each part of a run, measured on the same data: reading the source,
 * posting the same batches to the same sink with the same client, and writing the link rows.
 */
final class Floors {

    private Floors() {
    }

    /** Streams {@code sql} through JDBC and discards every value. */
    static Duration stream(DataSource dataSource, String sql) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    long touched = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            touched += rs.getObject(i) == null ? 0 : 1;
                        }
                    }
                    if (touched < 0) {
                        throw new IllegalStateException("unreachable");
                    }
                }
            }
            connection.rollback();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Posts {@code body} {@code times} times to {@code url}, {@code concurrency} at once, with Writeback's HTTP client. */
    static Duration post(String url, String body, long times, int concurrency) throws Exception {
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder
                .create().setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency).build()).build()) {
            ExecutorService threads = Executors.newFixedThreadPool(concurrency);
            AtomicLong left = new AtomicLong(times);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(threads.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        HttpPost post = new HttpPost(url);
                        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                        client.execute(post, response -> EntityUtils.toString(response.getEntity()));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            threads.shutdown();
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    /** Writes {@code rows} link-shaped rows with COPY, the fastest way PostgreSQL takes rows. */
    static Duration copyLinks(DataSource dataSource, long rows) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE copy_floor (sync text, source_id text, target_id text, status text, payload_hash text,
                                                  first_synced_at timestamptz, last_synced_at timestamptz, attempts int,
                                                  last_run_id bigint)""");
            StringBuilder lines = new StringBuilder();
            long start = System.nanoTime();
            for (long i = 1; i <= rows; i++) {
                lines.append("bench\t").append(i).append('\t').append(i).append("\tsuccess\t")
                        .append("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8\t")
                        .append("2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\t1\t1\n");
                if (i % 100_000 == 0 || i == rows) {
                    connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY copy_floor FROM STDIN", new StringReader(lines.toString()));
                    lines.setLength(0);
                }
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }
}
