package io.writeback.run;

import static org.awaitility.Awaitility.await;

import io.writeback.kernel.RunTotals;
import io.writeback.support.ScratchPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A run that inserted many records leaves PostgreSQL's statistics of the link table up to date; others leave them be. */
class LinkStatisticsRefreshTest {

    private static final EmbeddedPostgres STATE = ScratchPostgres.start("link-statistics");

    private final JdbcTemplate jdbc = migrated();
    private final LinkStatisticsRefresh refresh = new LinkStatisticsRefresh(jdbc);

    private static JdbcTemplate migrated() {
        Flyway.configure().dataSource(STATE.getPostgresDatabase()).defaultSchema("public").load().migrate();
        return new JdbcTemplate(STATE.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws IOException {
        STATE.close();
    }

    @Test
    void aLoadOfAThousandRecordsOrMoreRefreshesTheLinkTablesStatistics() {
        jdbc.update("""
                INSERT INTO writeback.links (sync, source_id, target_id, status, attempts)
                SELECT 'people', g::text, 't' || g, 'success', 1 FROM generate_series(1, 5000) g""");

        refresh.onRunEnded(ended(LinkStatisticsRefresh.INSERTS - 1));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(this::estimatedLinks, estimate -> estimate != 5000);

        // Refreshed on a thread of its own, the run's claim on its sync released meanwhile.
        refresh.onRunEnded(ended(LinkStatisticsRefresh.INSERTS));
        await().atMost(Duration.ofSeconds(30)).until(this::estimatedLinks, estimate -> estimate == 5000);
    }

    private long estimatedLinks() {
        return jdbc.queryForObject("SELECT reltuples::bigint FROM pg_class WHERE oid = 'writeback.links'::regclass", Long.class);
    }

    private static RunEnded ended(long inserted) {
        RunTotals counts = new RunTotals(inserted, inserted, 0, 0, 0, 0, 0, 0, 0, 0);
        return new RunEnded(new RunView(1, "people", "api", "succeeded", null, null, null, 10L, counts, null, null, null, null,
                null, null, null, false));
    }
}
