package io.writeback.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.RunsApi;
import io.writeback.support.ScratchPostgres;
import io.writeback.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A warehouse that is not Writeback's database cannot join the link tables: every row is read, and a row
 * whose link holds its hash is decided unchanged by that alone, neither mapped again nor written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "writeback.schedules.enabled=false",
        "writeback.demo.enabled=true",
        "writeback.embedded-db.clean=true",
        "writeback.embedded-db.data-dir=target/test-db/elsewhere-state",
        "writeback.routes-dir=src/test/resources/routes-elsewhere"})
class WarehouseElsewhereTest {

    private static final EmbeddedPostgres WAREHOUSE = ScratchPostgres.start("elsewhere-warehouse");
    private static final JdbcTemplate FAR = new JdbcTemplate(WAREHOUSE.getPostgresDatabase());

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        registry.add("writeback.warehouse.url", () -> WAREHOUSE.getJdbcUrl("postgres", "postgres"));
        registry.add("writeback.warehouse.username", () -> "postgres");
    }

    @Autowired
    private JdbcTemplate state;

    @Autowired
    private TestRestTemplate anonymous;

    private RunsApi runs;

    @BeforeEach
    void createSource() {
        runs = new RunsApi(TestUsers.ADMIN.on(anonymous));
        state.execute("TRUNCATE writeback.links, writeback.run_claims, writeback.intents, writeback.runs, sandbox.records");
        FAR.execute("DROP SCHEMA IF EXISTS far CASCADE");
        FAR.execute("CREATE SCHEMA far");
        FAR.execute("CREATE TABLE far.notes (id int, note text)");
        FAR.execute("INSERT INTO far.notes SELECT g, 'note ' || g FROM generate_series(1, 120) g");
        FAR.execute("CREATE TABLE far.companies (id int PRIMARY KEY, name text)");
        FAR.execute("INSERT INTO far.companies SELECT g, 'company ' || g FROM generate_series(1, 5) g");
        FAR.execute("CREATE TABLE far.people (id int PRIMARY KEY, name text, note text, company_id int)");
        FAR.execute("INSERT INTO far.people SELECT g, 'person ' || g, 'note ' || g, 1 + g % 5 FROM generate_series(1, 50) g");
    }

    @Test
    void anUnchangedRowIsReadButDecidedByItsLinkAndWritesNothing() {
        assertThat(runs.runAndWait("far_people").at("/counts/inserted").asLong()).isEqualTo(50);
        Map<String, Object> before = state.queryForMap("SELECT max(last_run_id) AS run, count(*) AS links FROM writeback.links");

        JsonNode again = runs.runAndWait("far_people");

        assertThat(again.get("unchangedKeptBack").asBoolean()).isFalse();
        assertThat(again.at("/counts/rowsRead").asLong()).isEqualTo(50);
        assertThat(again.at("/counts/skipped").asLong()).isEqualTo(50);
        assertThat(again.at("/counts/httpCalls").asLong()).isZero();
        assertThat(state.queryForMap("SELECT max(last_run_id) AS run, count(*) AS links FROM writeback.links")).isEqualTo(before);
        JsonNode explained = TestUsers.ADMIN.on(anonymous).getForObject("/api/syncs/far_people/preview?limit=5", JsonNode.class);
        assertThat(explained.get("counts")).hasToString("{\"unchanged\":50}");
    }

    @Test
    void aRowChangedOnlyWhereTheSyncDoesNotLookIsMarkedSkippedSameHashOnce() {
        runs.runAndWait("far_people");
        FAR.update("UPDATE far.people SET note = 'changed' WHERE id = 7");
        FAR.update("UPDATE far.people SET name = 'renamed' WHERE id = 8");

        JsonNode run = runs.runAndWait("far_people");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/skipped").asLong()).isEqualTo(49);
        assertThat(state.queryForList("SELECT source_id FROM writeback.links WHERE status = 'skipped-same-hash'", String.class))
                .containsExactly("7");
        long marked = state.queryForObject("SELECT last_run_id FROM writeback.links WHERE source_id = '7'", Long.class);
        // The next run finds row 7 as it was marked: nothing is written again.
        JsonNode next = runs.runAndWait("far_people");
        assertThat(next.at("/counts/skipped").asLong()).isEqualTo(50);
        assertThat(state.queryForObject("SELECT last_run_id FROM writeback.links WHERE source_id = '7'", Long.class)).isEqualTo(marked);
    }

    @Test
    void onlyALinkInSyncThatOwesNothingDecidesItsRowUnchanged() {
        runs.runAndWait("far_people");
        state.update("UPDATE writeback.links SET status = 'error', last_error = 'HTTP 500' WHERE source_id = '4'");
        state.update("UPDATE writeback.links SET payload_hash = NULL WHERE source_id = '9'");

        JsonNode run = runs.runAndWait("far_people");

        assertThat(List.of(run.at("/counts/rowsRead").asLong(), run.at("/counts/updated").asLong(),
                run.at("/counts/skipped").asLong())).containsExactly(50L, 2L, 48L);
    }

    @Test
    void aRecordWhoseParentMovedIsSentAgainThoughItsRowIsAsItWas() {
        runs.runAndWait("far_companies");
        assertThat(runs.runAndWait("far_staff").at("/counts/inserted").asLong()).isEqualTo(50);
        // Company 2 is now another record of the target: the rows referring to it did not change, their payloads did.
        state.update("UPDATE writeback.links SET target_id = target_id || '-moved' WHERE sync = 'far_companies' AND source_id = '2'");

        JsonNode run = runs.runAndWait("far_staff");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(10);
        assertThat(run.at("/counts/skipped").asLong()).isEqualTo(40);
    }

    /**
     * {@code far_notes} reads chunks of one row: up to 100 changed rows are read by their keys after a pass over
     * every row's key and hash; more, or a null key, and every row is read. The outcomes are the same.
     */
    @Test
    void changedRowsAreFoundByTheirKeysAndHashesOrByReadingEveryRow() {
        assertThat(runs.runAndWait("far_notes").at("/counts/inserted").asLong()).isEqualTo(120);

        FAR.update("UPDATE far.notes SET note = note || '!' WHERE id IN (3, 60, 120)");
        JsonNode few = runs.runAndWait("far_notes");
        assertThat(List.of(few.at("/counts/rowsRead").asLong(), few.at("/counts/updated").asLong(),
                few.at("/counts/skipped").asLong())).containsExactly(120L, 3L, 117L);

        FAR.update("UPDATE far.notes SET note = note || '?'");
        JsonNode all = runs.runAndWait("far_notes");
        assertThat(List.of(all.at("/counts/rowsRead").asLong(), all.at("/counts/updated").asLong(),
                all.at("/counts/skipped").asLong())).containsExactly(120L, 120L, 0L);

        FAR.update("INSERT INTO far.notes VALUES (NULL, 'no key')");
        FAR.update("UPDATE far.notes SET note = 'changed' WHERE id = 5");
        JsonNode nullKey = runs.runAndWait("far_notes");
        assertThat(List.of(nullKey.at("/counts/rowsRead").asLong(), nullKey.at("/counts/updated").asLong(),
                nullKey.at("/counts/invalid").asLong(), nullKey.at("/counts/skipped").asLong()))
                .containsExactly(121L, 1L, 1L, 119L);
        assertThat(state.queryForList("SELECT data->>'note' FROM sandbox.records WHERE object = 'far_notes'"
                + " AND data->>'note' NOT LIKE 'note %?'", String.class)).containsExactly("changed");
        assertThat(state.queryForList("SELECT data->>'note' FROM sandbox.records WHERE object = 'far_notes'"
                + " AND data->>'note' LIKE '%!?'", String.class)).containsExactlyInAnyOrder("note 3!?", "note 60!?", "note 120!?");
    }

    @AfterAll
    static void stop() throws IOException {
        WAREHOUSE.close();
    }
}
