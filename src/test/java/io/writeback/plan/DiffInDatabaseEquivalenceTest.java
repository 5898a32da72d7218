package io.writeback.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RecordTrace.TracedRecord;
import io.writeback.kernel.RunScope;
import io.writeback.run.RunLauncher;
import io.writeback.run.Trigger;
import io.writeback.support.RunsApi;
import io.writeback.support.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The diff inside PostgreSQL decides exactly what the planner in Java decides. Each {@code eq_<mode>_db}
 * sync of {@code routes-equivalence} lets the database keep unchanged rows back, its {@code eq_<mode>_java}
 * twin reads every row; both plan over the links of {@code eq_people} (a relation to {@code eq_companies}, a
 * transform that skips and fails some rows). Over rounds of random changes to the rows, to the parents, and
 * to the links (failures, pending inserts, waiting records, echoes of a paired sync, owed write backs,
 * forgotten targets, seeded links), the two dry runs must give every record the same action, reason and
 * payload, but for the rows the database kept back, which the Java planner must find unchanged or skip.
 * About a hundred rows come back each round: {@code eq_upsert_db} reads chunks of 3, so it streams them (more
 * than ten chunks); the other syncs read chunks of 40, so their rows come in one answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "writeback.schedules.enabled=false",
        // The sandbox destination serves in demo mode; the syncs are this test's own.
        "writeback.demo.enabled=true",
        "writeback.embedded-db.clean=true",
        "writeback.embedded-db.data-dir=target/test-db/equivalence",
        "writeback.routes-dir=src/test/resources/routes-equivalence"})
class DiffInDatabaseEquivalenceTest {

    private static final List<String> MODES = List.of("upsert", "update", "insert", "mirror");
    private static final int ROUNDS = 6;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private RunLauncher launcher;

    @Autowired
    private TestRestTemplate anonymous;

    private final Random random = new Random(20261130);
    private int nextId = 1;

    @BeforeEach
    void createSource() {
        jdbc.execute("TRUNCATE writeback.links, writeback.run_claims, writeback.intents, writeback.runs, writeback.bookmarks, "
                + "writeback.dead_letters, sandbox.records");
        jdbc.execute("DROP SCHEMA IF EXISTS eq CASCADE");
        jdbc.execute("CREATE SCHEMA eq");
        jdbc.execute("GRANT USAGE ON SCHEMA eq TO PUBLIC");
        jdbc.execute("CREATE TABLE eq.companies (id int PRIMARY KEY, name text, size int)");
        jdbc.execute("""
                CREATE TABLE eq.people (id int PRIMARY KEY, name text, email text, score numeric, company_id int,
                                        tags json, note text, updated_at timestamptz)""");
        jdbc.execute("GRANT SELECT ON ALL TABLES IN SCHEMA eq TO PUBLIC");
        for (int company = 1; company <= 12; company++) {
            jdbc.update("INSERT INTO eq.companies VALUES (?, ?, ?)", company, "company " + company, company * 10);
        }
        for (int i = 0; i < 160; i++) {
            insertPerson();
        }
    }

    @Test
    void theDatabaseKeepsBackOnlyWhatThePlannerFindsUnchanged() {
        RunsApi runs = new RunsApi(TestUsers.ADMIN.on(anonymous));
        assertThat(runs.runAndWait("eq_companies").get("status").asText()).isEqualTo("succeeded");
        assertThat(runs.runAndWait("eq_people").at("/counts/inserted").asLong()).isPositive();
        long keptBackInAll = 0;
        for (int round = 0; round < ROUNDS; round++) {
            changeRows();
            changeLinks();
            for (String mode : MODES) {
                Map<String, TracedRecord> inDatabase = dryRun("eq_" + mode + "_db");
                Map<String, TracedRecord> inJava = dryRun("eq_" + mode + "_java");
                assertThat(inDatabase.keySet()).as("round %d, mode %s: rows the database returned", round, mode)
                        .isSubsetOf(inJava.keySet());
                for (TracedRecord planned : inJava.values()) {
                    TracedRecord returned = inDatabase.get(planned.sourceId());
                    if (returned == null) {
                        keptBackInAll++;
                        // Kept back, the record is neither sent nor written: what the planner does with an unchanged
                        // record, or one skipped (by the transform, or by mode insert for a linked record).
                        assertThat(planned.action()).as("round %d, mode %s: record %s was kept back", round, mode,
                                planned.sourceId()).isIn("unchanged", "skip");
                    } else {
                        assertThat(decision(returned)).as("round %d, mode %s: record %s", round, mode, planned.sourceId())
                                .isEqualTo(decision(planned));
                    }
                }
            }
            // Runs move the state on: the parents, then the records, by either planner in turn.
            runs.runAndWait("eq_companies");
            runs.runAndWait(round % 2 == 0 ? "eq_people" : "eq_upsert_java");
        }
        assertThat(keptBackInAll).as("rows kept back over all rounds").isGreaterThan(ROUNDS * MODES.size() * 30L);
    }

    /** The action, the payload, and why the record is not sent (a record sent in bulk is described by its batch). */
    private static List<String> decision(TracedRecord record) {
        return List.of(record.action(), String.valueOf(record.payload()),
                record.request() == null ? String.valueOf(record.reason()) : "sent");
    }

    private Map<String, TracedRecord> dryRun(String sync) {
        List<TracedRecord> records = new ArrayList<>();
        launcher.runTraced(sync, Trigger.API, RunScope.ALL, RecordTrace.dryRunInto(records::add));
        Map<String, TracedRecord> bySourceId = new HashMap<>();
        records.stream().filter(record -> record.sourceId() != null).forEach(record -> bySourceId.put(record.sourceId(), record));
        return bySourceId;
    }

    private void insertPerson() {
        int id = nextId++;
        jdbc.update("INSERT INTO eq.people VALUES (?, ?, ?, ?, ?, ?::json, ?, now())", id, "person " + id,
                random.nextInt(5) == 0 ? "keep" + id + "@example.com" : "p" + id + "@example.com",
                new java.math.BigDecimal(random.nextInt(1000)).movePointLeft(1), companyOrNull(),
                "{\"tier\": " + random.nextInt(3) + "}", "note " + id);
    }

    private Integer companyOrNull() {
        return random.nextInt(6) == 0 ? null : 1 + random.nextInt(14);
    }

    /** Rows change in what is sent, in what is not, or not at all; some come, some go, some break. */
    private void changeRows() {
        List<Integer> ids = jdbc.queryForList("SELECT id FROM eq.people ORDER BY id", Integer.class);
        for (int id : ids) {
            switch (random.nextInt(24)) {
                case 0 -> jdbc.update("UPDATE eq.people SET name = name || '!' WHERE id = ?", id);
                case 1 -> jdbc.update("UPDATE eq.people SET note = note || '.', updated_at = now() WHERE id = ?", id);
                case 2 -> jdbc.update("UPDATE eq.people SET score = score * 1.0 WHERE id = ?", id);
                case 3 -> jdbc.update("UPDATE eq.people SET company_id = ? WHERE id = ?", companyOrNull(), id);
                case 4 -> jdbc.update("UPDATE eq.people SET tags = ?::json WHERE id = ?", "{\"tier\":  " + random.nextInt(3) + "}", id);
                case 5 -> jdbc.update("DELETE FROM eq.people WHERE id = ?", id);
                case 6 -> jdbc.update("UPDATE eq.people SET name = 'broken' WHERE id = ?", id);
                case 7 -> jdbc.update("UPDATE eq.people SET email = 'keep' || email WHERE id = ?", id);
                default -> {
                    // unchanged
                }
            }
        }
        for (int i = random.nextInt(8); i > 0; i--) {
            insertPerson();
        }
        // Parents change too: a new target id, a deleted target, a renamed company (whose target id stays).
        switch (random.nextInt(3)) {
            case 0 -> jdbc.update("UPDATE writeback.links SET target_id = target_id || 'x' WHERE sync = 'eq_companies' AND source_id = ?",
                    Integer.toString(1 + random.nextInt(12)));
            case 1 -> jdbc.update("UPDATE writeback.links SET status = 'deleted' WHERE sync = 'eq_companies' AND source_id = ?",
                    Integer.toString(1 + random.nextInt(12)));
            default -> jdbc.update("UPDATE eq.companies SET name = name || '+' WHERE id = ?", 1 + random.nextInt(12));
        }
    }

    /** Links in every state a delivery or an operator leaves them. */
    private void changeLinks() {
        List<String> linked = jdbc.queryForList("SELECT source_id FROM writeback.links WHERE sync = 'eq_people'", String.class);
        for (String sourceId : linked) {
            String change = switch (random.nextInt(40)) {
                case 0 -> "status = 'error', last_error = 'HTTP 500'";
                case 1 -> "status = 'pending', target_id = NULL";
                case 2 -> "status = 'waiting'";
                case 3 -> "echo_payload = '{\"name\": \"written by the pair\"}'";
                case 4 -> "write_back_error = 'the warehouse refused the id'";
                case 5 -> "target_id = NULL";
                case 6 -> "payload_hash = NULL, row_hash = NULL";
                case 7 -> "status = 'deleted'";
                case 8 -> "row_hash = row_hash + 1";
                default -> null;
            };
            if (change != null) {
                jdbc.update("UPDATE writeback.links SET " + change + " WHERE sync = 'eq_people' AND source_id = ?", sourceId);
            }
        }
    }
}
