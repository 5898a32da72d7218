package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.HoldTogether;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental syncs (cursor {@code updated_at}, chunks of 2 rows): the bookmark, retries of rows the
 * bookmark has passed, both error policies, repeated keys across chunks, and resync.
 */
class IncrementalSyncTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
    }

    @Test
    void aFailedRowIsRetriedOnLaterRunsAlthoughTheBookmarkPassedIt() {
        createsOf("accounts", "name", "B", json(422, "{}"));
        JsonNode first = runs.runAndWait("accounts");
        assertThat(first.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(first.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(bookmark("accounts")).isEqualTo("2026-01-01 10:00:00.000004+00");
        CRM.resetMappings();
        createsAnswerIdFrom("accounts", null, "name");

        JsonNode second = runs.runAndWait("accounts");

        // Read: B, through its failed link; D, at the bookmark and unchanged, is kept back in the database.
        assertThat(second.get("status").asText()).isEqualTo("succeeded");
        assertThat(second.at("/counts/rowsRead").asLong()).isEqualTo(1);
        assertThat(second.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(second.at("/counts/skipped").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM writeback.links WHERE sync = 'accounts' AND source_id = '2'",
                String.class)).isEqualTo("success");
        assertThat(runs.runAndWait("accounts").at("/counts/rowsRead").asLong()).isZero();
    }

    @Test
    void theBookmarkAndTheCountsAdvanceAsEachChunkSettles() {
        createsOf("accounts", "name", "C", json(201, "{\"id\": \"C\"}").withTransformers(HoldTogether.NAME));
        HoldTogether.expect(2);
        try {
            long runId = runs.start("accounts");

            // While C's create is held, the first chunk (A, B) is settled: its links, counts and bookmark are saved.
            await().atMost(Duration.ofSeconds(8)).ignoreExceptions().untilAsserted(() -> assertThat(bookmark("accounts"))
                    .isEqualTo("2026-01-01 10:00:00.000002+00"));
            JsonNode running = runs.get(runId);
            assertThat(running.get("status").asText()).isEqualTo("running");
            assertThat(running.at("/counts/inserted").asLong()).isEqualTo(2);
            // The planner's estimate of the rows to read, and the time left at this pace by it.
            assertThat(running.get("estimatedRows").asLong()).isPositive();
            assertThat(running.get("etaSeconds").isNumber()).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.links WHERE sync = 'accounts' AND status = 'success'",
                    Long.class)).isEqualTo(2);
        } finally {
            HoldTogether.releaseAll();
        }
        JsonNode run = runs.awaitEnd(jdbc.queryForObject("SELECT max(id) FROM writeback.runs", Long.class));
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(bookmark("accounts")).isEqualTo("2026-01-01 10:00:00.000004+00");
    }

    @Test
    void aFailedRowThatChangedIsSentOnceAlthoughBothPassesWouldFindIt() {
        createsOf("accounts", "name", "B", json(422, "{}"));
        runs.runAndWait("accounts");
        CRM.resetMappings();
        createsAnswerIdFrom("accounts", null, "name");
        jdbc.update("UPDATE crm_src.accounts SET name = 'B2', updated_at = '2026-01-01 10:00:00.000005+00' WHERE id = 2");

        JsonNode run = runs.runAndWait("accounts");

        // B2 comes in the last chunk of the bookmarked pass; the retry pass, after it, must not read it again.
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/invalid").asLong()).isZero();
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B2"))));
    }

    @Test
    void withErrorPolicyStopTheRunEndsAtTheFirstFailureAndTheBookmarkStaysAtWhatIsSettled() {
        createsOf("accounts", "name", "B", json(422, "{\"error\": \"name taken\"}"));

        JsonNode stopped = runs.runAndWait("accounts_strict");

        assertThat(stopped.get("status").asText()).isEqualTo("failed");
        assertThat(stopped.get("error").asText()).isEqualTo("sync accounts_strict: stopped at the first record that failed "
                + "(errorPolicy: stop): source id 2: HTTP 422 from POST " + CRM.baseUrl() + "/crm/v1/accounts: {\"error\": \"name taken\"}");
        assertThat(stopped.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(stopped.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(bookmark("accounts_strict")).isEqualTo("2026-01-01 10:00:00.000002+00");
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("C"))));

        CRM.resetMappings();
        createsAnswerIdFrom("accounts", null, "name");
        JsonNode resumed = runs.runAndWait("accounts_strict");

        assertThat(resumed.get("status").asText()).isEqualTo("succeeded");
        assertThat(resumed.at("/counts/inserted").asLong()).isEqualTo(3);
        for (String name : new String[] {"A", "C", "D"}) {
            CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo(name))));
        }
    }

    @Test
    void withErrorPolicyContinueTheRunGoesOnAndTheBookmarkPassesTheFailure() {
        createsOf("accounts", "name", "B", json(422, "{}"));

        JsonNode run = runs.runAndWait("accounts");

        assertThat(run.get("status").asText()).isEqualTo("completed_with_errors");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(bookmark("accounts")).isEqualTo("2026-01-01 10:00:00.000004+00");
    }

    @Test
    void aKeyRepeatedInALaterChunkIsInvalidAndReportedWithItsRow() {
        jdbc.update("INSERT INTO crm_src.accounts (id, name, updated_at) VALUES (1, 'A again', '2026-01-01 10:00:00.000009+00')");

        JsonNode run = runs.runAndWait("accounts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(run.at("/counts/invalid").asLong()).isEqualTo(1);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("A again"))));
        JsonNode invalid = http.getForObject("/api/runs/{id}/invalid-rows", JsonNode.class, run.get("id").asLong());
        assertThat(invalid).hasSize(1);
        assertThat(invalid.get(0).get("sourceId").asText()).isEqualTo("1");
        assertThat(invalid.get(0).get("reason").asText()).isEqualTo("the key 1 appears more than once in the query's result");
        assertThat(invalid.get(0).at("/row/name").asText()).isEqualTo("A again");
    }

    @Test
    void keysRepeatedOneTwoAndFourChunksLaterAreInvalidWhetherOrNotTheirFirstLinksAreWrittenYet() {
        jdbc.update("""
                INSERT INTO crm_src.accounts (id, name, updated_at) VALUES
                    (4, 'D again', '2026-01-01 10:00:00.000005+00'), (5, 'E', '2026-01-01 10:00:00.000006+00'),
                    (1, 'A again', '2026-01-01 10:00:00.000007+00'), (6, 'F', '2026-01-01 10:00:00.000008+00'),
                    (7, 'G', '2026-01-01 10:00:00.000009+00'), (2, 'B again', '2026-01-01 10:00:00.000010+00')""");

        JsonNode run = runs.runAndWait("accounts");

        // Chunks of two: [1 2] [3 4] [4 5] [1 6] [7 2]; the first of each key is sent, the repeats are not.
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(7);
        assertThat(run.at("/counts/invalid").asLong()).isEqualTo(3);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name",
                matching(".* again"))));
    }

    @Test
    void resyncReadsEveryRowAgainFromAnEmptyBookmark() {
        runs.runAndWait("accounts");

        JsonNode started = http.postForObject("/api/syncs/accounts/resync", null, JsonNode.class);
        JsonNode resync = runs.awaitEnd(started.get("runId").asLong());

        // Every row is queried again; the database keeps back the four unchanged ones.
        assertThat(resync.get("trigger").asText()).isEqualTo("resync");
        assertThat(resync.get("unchangedKeptBack").asBoolean()).isTrue();
        assertThat(resync.at("/counts/rowsRead").asLong()).isZero();
        // No row was read, yet the bookmark is set again: past the unchanged rows the database kept back.
        assertThat(bookmark("accounts")).isEqualTo("2026-01-01 10:00:00.000004+00");
    }

    private String bookmark(String sync) {
        return jdbc.queryForObject("SELECT cursor_value FROM writeback.bookmarks WHERE sync = ?", String.class, sync);
    }
}
