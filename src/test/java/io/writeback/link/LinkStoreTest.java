package io.writeback.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import io.writeback.support.ScratchPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A chunk's outcomes reach the links in one statement: every kind of outcome and of text arrives as it was, and
 * a chunk is written whole, its intents settled with it, or not at all.
 */
class LinkStoreTest {

    private static final EmbeddedPostgres STATE = ScratchPostgres.start("link-store");
    private static final SingleConnectionDataSource CONNECTION = oneConnection();

    private final JdbcTemplate jdbc = new JdbcTemplate(CONNECTION);
    private final LinkStore links = new LinkStore(jdbc, new DataSourceTransactionManager(CONNECTION));
    private final LinkIntents intents = new LinkIntents(jdbc);

    private static SingleConnectionDataSource oneConnection() {
        Flyway.configure().dataSource(STATE.getPostgresDatabase()).defaultSchema("public").load().migrate();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(STATE.getJdbcUrl("postgres", "postgres"), true);
        dataSource.setAutoCommit(true);
        return dataSource;
    }

    @AfterAll
    static void stop() throws Exception {
        CONNECTION.destroy();
        STATE.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE writeback.links, writeback.intents");
    }

    @Test
    void everyKindOfOutcomeArrivesAsItWasAndSettlesTheChunksIntents() {
        links.record("seeded", 1, List.of(LinkOutcome.success("7", "t-7", "h-old", 5L), LinkOutcome.success("8", "t-8", "h-8", 8L)),
                List.of());
        Long intent = intents.recordIntents("people", 2, Map.of("1", "key-1", "2", "key-2"));
        String awkward = "tab\tnew line\nback\\slash \"quoted\" ünïcødé 😀";

        links.record("people", 2, List.of(
                LinkOutcome.success("1", "t-1", "h-1", Long.MIN_VALUE),
                LinkOutcome.createFailed("2", awkward),
                LinkOutcome.waiting("3", "company 4 is not in the target yet"),
                LinkOutcome.unknown("4", "key-4", "no answer")), List.of(intent));
        links.record("seeded", 3, List.of(LinkOutcome.unchanged("7", -1L), LinkOutcome.seen("8")), List.of());

        Map<String, Link> people = links.find("people", List.of("1", "2", "3", "4"));
        assertThat(people.get("1")).extracting(Link::targetId, Link::status, Link::payloadHash, Link::rowHash, Link::lastRunId)
                .containsExactly("t-1", LinkStatus.SUCCESS, "h-1", Long.MIN_VALUE, 2L);
        assertThat(people.get("2")).extracting(Link::targetId, Link::status, Link::payloadHash, Link::rowHash)
                .containsExactly(null, LinkStatus.ERROR, null, null);
        assertThat(jdbc.queryForObject("SELECT last_error FROM writeback.links WHERE source_id = '2'", String.class))
                .isEqualTo(awkward);
        assertThat(people.get("3").status()).isEqualTo(LinkStatus.WAITING);
        assertThat(people.get("4")).extracting(Link::status, Link::intentKey).containsExactly(LinkStatus.PENDING, "key-4");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.intents", Long.class)).isZero();

        Map<String, Link> seeded = links.find("seeded", List.of("7", "8"));
        assertThat(seeded.get("7")).extracting(Link::status, Link::payloadHash, Link::rowHash, Link::lastRunId)
                .containsExactly(LinkStatus.SKIPPED_SAME_HASH, "h-old", -1L, 3L);
        assertThat(seeded.get("8")).extracting(Link::status, Link::rowHash, Link::lastRunId)
                .containsExactly(LinkStatus.SUCCESS, 8L, 3L);
    }

    @Test
    void eachChunkWritesItsOwnOutcomesTheLastOfARecordWinning() {
        links.record("first", 1, List.of(LinkOutcome.success("1", "t-1", "h-1", 1L)), List.of());
        links.record("second", 2, List.of(LinkOutcome.success("2", "t-2", "h-2", 2L), LinkOutcome.error("2", null, "later")),
                List.of());

        assertThat(jdbc.queryForList("SELECT sync || '/' || source_id || '/' || status FROM writeback.links ORDER BY 1",
                String.class)).containsExactly("first/1/success", "second/2/error");
    }

    @Test
    void aChunksLinksAreFoundByTheirKeysEvenForASyncTheStatisticsHaveNotSeen() {
        jdbc.execute("ANALYZE writeback.links");
        jdbc.update("""
                INSERT INTO writeback.links (sync, source_id, target_id, status, attempts)
                SELECT 'new', g::text, 't' || g, 'success', 1 FROM generate_series(1, 20000) g""");
        List<String> keys = List.of("17", "19999", "absent");

        assertThat(links.find("new", keys)).containsOnlyKeys("17", "19999");
        // Each key is one probe of the primary key, not a scan of the sync's links filtered by key.
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + LinkStore.FIND.replaceFirst("\\?", "'{17,19999,absent}'")
                .replaceFirst("\\?", "'new'"), String.class));
        assertThat(plan).contains("Index Cond: ((sync = 'new'::text) AND (source_id = wanted.key))");
    }

    @Test
    void aChunkThatCannotBeWrittenWritesNothingAndKeepsItsIntents() {
        Long intent = intents.recordIntents("people", 1, Map.of("1", "key-1"));

        assertThatThrownBy(() -> links.record("people", 1, List.of(LinkOutcome.success("1", "t-1", "h-1", 1L),
                LinkOutcome.error("2", null, "a NUL \u0000 PostgreSQL refuses")), List.of(intent)))
                .hasMessageContaining("0x00");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.links", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.intents", Long.class)).isOne();
        links.record("people", 1, List.of(LinkOutcome.success("1", "t-1", "h-1", 1L)), List.of(intent));
        assertThat(links.find("people", List.of("1"))).containsOnlyKeys("1");
    }
}
