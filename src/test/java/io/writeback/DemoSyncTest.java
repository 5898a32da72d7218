package io.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.WritebackIntegrationTest;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The demo syncs from {@code routes/}, run whole against the sandbox over HTTP. */
class DemoSyncTest extends WritebackIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void theStepsOfARunningSyncAreNamedAfterTheSyncAndTheirStage() {
        for (String stage : List.of("source", "map", "plan", "deliver")) {
            assertThat(camel.getProcessor("contacts." + stage)).as("contacts." + stage).isNotNull();
        }
    }

    @Test
    void firstRunWritesEveryCompanyAndContactToTheSandbox() {
        JsonNode companies = runAndWait("companies");
        JsonNode contacts = runAndWait("contacts");

        assertThat(companies.get("status").asText()).isEqualTo("succeeded");
        assertThat(companies.at("/counts/inserted").asLong()).isEqualTo(60);
        // The sandbox takes bulk creates of up to 100 records.
        assertThat(companies.at("/counts/httpCalls").asLong()).isEqualTo(1);
        assertThat(contacts.get("status").asText()).isEqualTo("succeeded");
        assertThat(contacts.at("/counts/rowsRead").asLong()).isEqualTo(300);
        assertThat(contacts.at("/counts/inserted").asLong()).isEqualTo(300);
        assertThat(contacts.at("/counts/httpCalls").asLong()).isEqualTo(3);
        assertThat(http.getForObject("/sandbox/companies?limit=1", JsonNode.class).get("total").asLong()).isEqualTo(60);
        assertThat(http.getForObject("/sandbox/people?limit=1", JsonNode.class).get("total").asLong()).isEqualTo(300);

        // Every link points at the sandbox record that holds that warehouse row.
        List<Map<String, Object>> mismatches = jdbc.queryForList("""
                SELECT l.source_id FROM link_tables.companies l
                LEFT JOIN sandbox.records r ON r.id::text = l.target_id AND r.object = 'companies'
                WHERE l.status <> 'success' OR r.data->>'warehouse_id' IS DISTINCT FROM l.source_id""");
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM link_tables.contacts WHERE status = 'success'", Long.class))
                .isEqualTo(300);
    }

    @Test
    void mappingRenamesColumnsAddsConstantsAndLeavesTheCursorOut() {
        runAndWait("companies");
        String targetId = jdbc.queryForObject("SELECT target_id FROM link_tables.companies WHERE source_id = '1'", String.class);

        JsonNode fields = http.getForObject("/sandbox/companies/{id}", JsonNode.class, targetId).get("fields");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM warehouse.companies WHERE id = 1");
        assertThat(fields.get("name").asText()).isEqualTo(row.get("name"));
        assertThat(fields.get("country").asText()).isEqualTo(row.get("country_code"));
        assertThat(fields.get("employees").asInt()).isEqualTo(row.get("employees"));
        assertThat(fields.get("warehouse_id").asInt()).isEqualTo(1);
        assertThat(fields.get("source").asText()).isEqualTo("warehouse");
        assertThat(fields.has("_sdc_batched_at")).isFalse();
        assertThat(fields.has("country_code")).isFalse();
    }

    @Test
    void contactsSyncedBeforeTheirCompaniesWaitThenReferToTheCompaniesTargetIds() {
        JsonNode early = runAndWait("contacts");

        assertThat(early.get("status").asText()).isEqualTo("succeeded");
        assertThat(early.at("/counts/waiting").asLong()).isEqualTo(300);
        assertThat(early.at("/counts/httpCalls").asLong()).isZero();
        Map<String, Object> waiting = jdbc.queryForMap("SELECT * FROM link_tables.contacts WHERE source_id = '1'");
        assertThat(waiting).containsEntry("status", "waiting").containsEntry("target_id", null);
        assertThat((String) waiting.get("last_error")).startsWith("waiting for companies record ")
                .endsWith(" to be in the target (relation company_id)");

        runAndWait("companies");
        JsonNode linked = runAndWait("contacts");

        // The bookmark passed every contact on the first run: they come back through their waiting links.
        assertThat(linked.at("/counts/inserted").asLong()).isEqualTo(300);
        assertThat(linked.at("/counts/waiting").asLong()).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM warehouse.contacts c
                JOIN link_tables.contacts lc ON lc.source_id = c.id::text
                JOIN sandbox.records person ON person.id::text = lc.target_id
                JOIN link_tables.companies lco ON lco.source_id = c.company_id::text
                WHERE person.data->>'company_id' = lco.target_id""", Long.class)).isEqualTo(300);
    }

    @Test
    void previewAndExplainSayWhichCompanyAContactWaitsFor() {
        JsonNode preview = http.getForObject("/api/syncs/contacts/preview?limit=2", JsonNode.class);

        assertThat(preview.at("/counts/wait").asLong()).isEqualTo(300);
        assertThat(preview.at("/samples/0/action").asText()).isEqualTo("wait");
        assertThat(preview.at("/samples/0/reason").asText()).startsWith("waiting for companies record ");
        assertThat(http.getForObject("/api/syncs/contacts/records/1", JsonNode.class).get("explanation").asText())
                .startsWith("Record 1 is not sent yet: it is waiting for companies record ")
                .endsWith("; every run tries again until that record is in the target.");
    }

    @Test
    void secondRunWritesNothing() {
        runAndWait("companies");
        runAndWait("contacts");

        JsonNode second = runAndWait("contacts");

        assertThat(second.get("status").asText()).isEqualTo("succeeded");
        assertThat(second.at("/counts/httpCalls").asLong()).isZero();
        assertThat(second.at("/counts/inserted").asLong()).isZero();
        assertThat(second.at("/counts/updated").asLong()).isZero();
        assertThat(second.at("/counts/skipped").asLong()).isEqualTo(second.at("/counts/rowsRead").asLong());
        assertThat(jdbc.queryForObject("SELECT max(version) FROM sandbox.records", Integer.class)).isEqualTo(1);
    }

    @Test
    void afterAnUpdateOfOneRowTheNextRunSendsExactlyThatRow() {
        runAndWait("companies");
        runAndWait("contacts");
        jdbc.update("UPDATE warehouse.contacts SET email = 'ada.new@example.com' WHERE id = 42");

        JsonNode run = runAndWait("contacts");

        // Read: the updated row only; the newest row from before, at the bookmark, is kept back in the database.
        assertThat(run.at("/counts/rowsRead").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/skipped").asLong()).isZero();
        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(1);
        List<Map<String, Object>> changed = jdbc.queryForList(
                "SELECT id, data->>'email' AS email FROM sandbox.records WHERE version > 1");
        String linked = jdbc.queryForObject("SELECT target_id FROM link_tables.contacts WHERE source_id = '42'", String.class);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0)).containsEntry("email", "ada.new@example.com");
        assertThat(changed.get(0).get("id").toString()).isEqualTo(linked);
    }

    @Test
    void incrementalRunReadsOnlyFromTheBookmarkOn() {
        runAndWait("companies");
        String bookmark = jdbc.queryForObject("SELECT cursor_value FROM writeback.bookmarks WHERE sync = 'companies'", String.class);
        String newest = jdbc.queryForObject("SELECT max(_sdc_batched_at)::text FROM warehouse.companies", String.class);
        assertThat(bookmark).isEqualTo(newest);

        JsonNode again = runAndWait("companies");

        // The row at the bookmark is queried again (ties are never lost), and kept back in the database by its hash.
        assertThat(again.at("/counts/rowsRead").asLong()).isZero();
        assertThat(again.at("/unchangedKeptBack").asBoolean()).isTrue();
    }

    @Test
    void aPendingInsertIsSentAgainUnderItsIdempotencyKeyAndTheSandboxKeepsOneRecord() {
        runAndWait("companies");
        // The state a crash leaves when the sandbox stored the create (under key k-5) but the link was not written.
        String target = company5CreatedUnderKeyK5();
        jdbc.update("""
                UPDATE writeback.links SET status = 'pending', target_id = NULL, intent_key = 'k-5'
                WHERE sync = 'companies' AND source_id = '5'""");
        jdbc.execute("DELETE FROM writeback.bookmarks");

        JsonNode run = runAndWait("companies");

        assertCompany5RecoveredAs(target, run);
    }

    @Test
    void insertsNotedByARunThatEndedBeforeRecordingThemAreRecoveredUnderTheirKeysNotDuplicated() {
        runAndWait("companies");
        // The state a crash leaves after a chunk's bulk create landed (under key k-5) and before its outcomes were written.
        String target = company5CreatedUnderKeyK5();
        jdbc.update("DELETE FROM writeback.links WHERE sync = 'companies' AND source_id = '5'");
        long crashed = jdbc.queryForObject(
                "INSERT INTO writeback.runs (sync, trigger, status) VALUES ('companies', 'schedule', 'interrupted') RETURNING id",
                Long.class);
        jdbc.update("INSERT INTO writeback.intents (sync, run_id, source_ids, intent_keys) VALUES ('companies', ?, '{5}', '{k-5}')",
                crashed);
        jdbc.execute("DELETE FROM writeback.bookmarks");

        JsonNode run = runAndWait("companies");

        assertCompany5RecoveredAs(target, run);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.intents", Long.class)).isZero();
    }

    /** Makes the sandbox remember that company 5's record was created under the idempotency key k-5; its id. */
    private String company5CreatedUnderKeyK5() {
        String target = jdbc.queryForObject("SELECT target_id FROM link_tables.companies WHERE source_id = '5'", String.class);
        jdbc.update("INSERT INTO sandbox.idempotency_keys (object, key, record_id) VALUES ('companies', 'k-5', ?)",
                Long.parseLong(target));
        return target;
    }

    /** The run re-sent company 5 under its key, and the sandbox answered with the record it had: no duplicate. */
    private void assertCompany5RecoveredAs(String target, JsonNode run) {
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = 'companies'", Long.class)).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT target_id FROM link_tables.companies WHERE source_id = '5'", String.class))
                .isEqualTo(target);
    }

    @Test
    void apiListsSyncsWithModeScheduleAndLastRun() {
        runAndWait("companies");

        JsonNode syncs = http.getForObject("/api/syncs", JsonNode.class);
        JsonNode history = http.getForObject("/api/syncs/companies/runs", JsonNode.class);

        assertThat(syncs).hasSize(7);
        JsonNode companies = syncs.get(0);
        assertThat(companies.get("name").asText()).isEqualTo("companies");
        assertThat(companies.get("mode").asText()).isEqualTo("upsert");
        assertThat(companies.get("schedule").asText()).isEqualTo("cron 0/30 * * * * ?");
        assertThat(companies.at("/lastRun/status").asText()).isEqualTo("succeeded");
        assertThat(companies.at("/lastRun/trigger").asText()).isEqualTo("api");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("durationMillis").asLong()).isNotNegative();
    }

    @Test
    void unknownSyncsAndRunsAnswerNotFound() {
        ResponseEntity<JsonNode> run = http.postForEntity("/api/syncs/nope/runs", null, JsonNode.class);
        ResponseEntity<JsonNode> missingRun = http.getForEntity("/api/runs/987654", JsonNode.class);

        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(run.getBody().get("detail").asText()).isEqualTo("no sync named 'nope'");
        assertThat(missingRun.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFailingQueryFailsTheRunAndChangesNoState() {
        jdbc.execute("ALTER TABLE warehouse.companies RENAME COLUMN domain TO web_domain");

        JsonNode run = runAndWait("companies");

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).startsWith("sync companies: the query failed").contains("domain");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.links", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.bookmarks", Long.class)).isZero();
    }
}
