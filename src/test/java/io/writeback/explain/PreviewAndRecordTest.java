package io.writeback.explain;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Preview, one-record sync and explain, against the CRM played by WireMock. */
class PreviewAndRecordTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
    }

    @Test
    void previewShowsWhatTheNextRunWouldSendAndWritesNothing() {
        JsonNode preview = http.getForObject("/api/syncs/accounts_mirror/preview?limit=2", JsonNode.class);

        assertThat(preview.get("counts")).hasToString("{\"insert\":4}");
        assertThat(preview.get("samples")).hasSize(2);
        JsonNode first = preview.get("samples").get(0);
        assertThat(first.get("sourceId").asText()).isEqualTo("1");
        assertThat(first.get("action").asText()).isEqualTo("insert");
        assertThat(first.at("/request/method").asText()).isEqualTo("POST");
        assertThat(first.at("/request/url").asText()).isEqualTo(CRM.baseUrl() + "/crm/v1/accounts");
        assertThat(first.at("/request/body").asText()).isEqualTo("{\"name\":\"A\"}");
        assertThat(preview.get("findings")).isEmpty();
        CRM.verify(0, anyRequestedFor(urlMatching(".*")));
        assertThat(jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM writeback.links) + (SELECT count(*) FROM writeback.runs)
                     + (SELECT count(*) FROM writeback.bookmarks)""", Long.class)).isZero();
    }

    @Test
    void previewAfterAChangeShowsTheUpdateAndCountsTheRest() {
        runs.runAndWait("accounts_mirror");
        jdbc.update("UPDATE crm_src.accounts SET name = 'A2' WHERE id = 1");
        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (NULL, 'nobody')");

        JsonNode preview = http.getForObject("/api/syncs/accounts_mirror/preview", JsonNode.class);

        assertThat(preview.get("counts")).hasToString("{\"invalid\":1,\"update\":1}");
        assertThat(preview.get("samples")).hasSize(2);
        JsonNode update = preview.get("samples").get(0);
        assertThat(update.at("/request/method").asText()).isEqualTo("PATCH");
        assertThat(update.at("/request/url").asText()).isEqualTo(CRM.baseUrl() + "/crm/v1/accounts/A");
        assertThat(update.at("/request/body").asText()).isEqualTo("{\"name\":\"A2\"}");
        assertThat(preview.get("samples").get(1).get("reason").asText()).isEqualTo("the key column 'id' is null");
        assertThat(preview.get("findings").get(0).asText())
                .isEqualTo("mode mirror: the delete of records whose rows left the source is not previewed");
        assertThat(preview.get("findings").get(1).asText()).isEqualTo("rows unchanged since they were sent are kept back "
                + "in the database: they are not read, and not counted here");
    }

    @Test
    void previewShowsTheBulkCallARunSendsWithItsWholeBodyOnce() {
        JsonNode preview = http.getForObject("/api/syncs/accounts_bulk/preview?limit=3", JsonNode.class);

        JsonNode first = preview.get("samples").get(0);
        JsonNode second = preview.get("samples").get(1);
        assertThat(first.at("/request/method").asText()).isEqualTo("POST");
        assertThat(first.at("/request/url").asText()).isEqualTo(CRM.baseUrl() + "/crm/v1/accounts/batch");
        assertThat(first.at("/request/body").asText()).startsWith("{\"inputs\":[{").contains("\"name\":\"A\"")
                .contains("\"name\":\"D\"");
        assertThat(first.get("reason").asText()).isEqualTo("in a bulk insert of 4 record(s), shown whole here");
        assertThat(second.at("/request/url").asText()).isEqualTo(CRM.baseUrl() + "/crm/v1/accounts/batch");
        assertThat(second.at("/request/body").isNull()).isTrue();
        assertThat(second.get("reason").asText()).isEqualTo("item 2 of the bulk insert shown with record 1");
        CRM.verify(0, anyRequestedFor(urlMatching(".*")));
    }

    @Test
    void previewShowsTheLookupThatRecoversAnInsertWhoseOutcomeWasLost() {
        runs.runAndWait("accounts_mirror");
        jdbc.update("UPDATE writeback.links SET status = 'pending', target_id = NULL, intent_key = 'k-lost' "
                + "WHERE sync = 'accounts_mirror' AND source_id = '2'");
        jdbc.update("UPDATE crm_src.accounts SET name = 'B2' WHERE id = 2");
        CRM.resetRequests();

        JsonNode preview = http.getForObject("/api/syncs/accounts_mirror/preview", JsonNode.class);

        assertThat(preview.get("counts")).hasToString("{\"recover\":1}");
        JsonNode recover = preview.get("samples").get(0);
        assertThat(recover.at("/request/method").asText()).isEqualTo("GET");
        assertThat(recover.at("/request/url").asText()).isEqualTo(CRM.baseUrl() + "/crm/v1/accounts?name=B2");
        assertThat(recover.get("reason").asText()).isEqualTo("an insert was sent before, but its outcome was never recorded; "
                + "looked up first: updated when the target has it, else created");
        assertThat(explanation("accounts_mirror", "2")).isEqualTo("Record 2 was sent as an insert whose outcome was never "
                + "recorded: the next run recovers it (an insert was sent before, but its outcome was never recorded; looked up "
                + "first: updated when the target has it, else created) instead of creating it again.");
        CRM.verify(0, anyRequestedFor(urlMatching(".*")));
    }

    @Test
    void previewOfABrokenQueryReportsItAsAFinding() {
        jdbc.execute("ALTER TABLE crm_src.accounts RENAME COLUMN name TO title");

        JsonNode preview = http.getForObject("/api/syncs/accounts_mirror/preview", JsonNode.class);

        assertThat(preview.get("counts")).isEmpty();
        assertThat(preview.get("findings").get(0).asText()).startsWith("sync accounts_mirror: the query failed: ")
                .contains("column \"name\" does not exist");
    }

    @Test
    void oneRecordSyncRunsTheRouteForThatRecordAndShowsTheExchange() {
        JsonNode synced = http.postForObject("/api/syncs/accounts_mirror/records/2/sync", null, JsonNode.class);
        JsonNode again = http.postForObject("/api/syncs/accounts_mirror/records/2/sync", null, JsonNode.class);
        JsonNode missing = http.postForObject("/api/syncs/accounts_mirror/records/99/sync", null, JsonNode.class);

        assertThat(synced.get("runStatus").asText()).isEqualTo("succeeded");
        assertThat(synced.at("/record/action").asText()).isEqualTo("insert");
        assertThat(synced.at("/record/request/body").asText()).isEqualTo("{\"name\":\"B\"}");
        assertThat(synced.at("/record/response/status").asInt()).isEqualTo(201);
        assertThat(synced.at("/record/response/body").asText()).isEqualTo("{\"id\": \"B\"}");
        assertThat(jdbc.queryForList("SELECT source_id, target_id FROM writeback.links"))
                .containsExactly(Map.of("source_id", "2", "target_id", "B"));
        assertThat(http.getForObject("/api/runs/{id}", JsonNode.class, synced.get("runId").asLong()).get("trigger").asText())
                .isEqualTo("record");
        assertThat(again.at("/record/action").asText()).isEqualTo("unchanged");
        assertThat(again.at("/record/request").isNull()).isTrue();
        assertThat(missing.get("inQueryResult").asBoolean()).isFalse();
    }

    @Test
    void explainSaysWhyARecordDidOrDidNotSync() {
        createsOf("accounts", "name", "C", json(422, "{\"error\": \"name taken\"}"));
        assertThat(explanation("accounts_mirror", "1")).isEqualTo("Record 1 has no target record yet: the next run inserts it.");
        runs.runAndWait("accounts_mirror");

        assertThat(explanation("accounts_mirror", "1")).startsWith("Record 1 is in sync with target record A: the payload is "
                + "the same as last sent on ");
        assertThat(explanation("accounts_mirror", "3")).isEqualTo("Record 3 failed on its last attempt (1 so far): HTTP 422 "
                + "from POST " + CRM.baseUrl() + "/crm/v1/accounts: {\"error\": \"name taken\"}; the next run tries again.");
        assertThat(explanation("accounts_mirror", "99")).isEqualTo("Record 99 is not in the query's result, so the sync does not send it.");
        jdbc.update("DELETE FROM crm_src.accounts WHERE id = 4");
        assertThat(explanation("accounts_mirror", "4")).isEqualTo("Record 4 is not in the query's result, so the sync does not "
                + "send it; its target record D stays as last synced until the next run removes it.");
    }

    @Test
    void explainNamesTheBookmarkWhenAChangedRowIsBehindIt() {
        runs.runAndWait("accounts");
        jdbc.update("UPDATE crm_src.accounts SET name = 'A2' WHERE id = 1");

        JsonNode explained = http.getForObject("/api/syncs/accounts/records/1", JsonNode.class);

        assertThat(explained.get("inQueryResult").asBoolean()).isTrue();
        assertThat(explained.get("behindBookmark").asBoolean()).isTrue();
        assertThat(explained.get("bookmark").asText()).isEqualTo("2026-01-01 10:00:00.000004+00");
        assertThat(explained.at("/link/targetId").asText()).isEqualTo("A");
        assertThat(explained.at("/nextRun/action").asText()).isEqualTo("update");
        assertThat(explained.get("explanation").asText()).isEqualTo("Record 1 would update, but its cursor is behind the "
                + "bookmark, so incremental runs do not read it: move its updated_at forward, or resync.");
    }

    private String explanation(String sync, String sourceId) {
        return http.getForObject("/api/syncs/{sync}/records/{id}", JsonNode.class, sync, sourceId).get("explanation").asText();
    }
}
