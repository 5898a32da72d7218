package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mode delete (through another sync's links) and mode mirror (delete or archive what left the source). */
class DeleteAndMirrorTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        CRM.stubFor(delete(urlMatching("/crm/v1/accounts/.*")).willReturn(aResponse().withStatus(204)));
        CRM.stubFor(patch(urlMatching("/crm/v1/accounts/.*")).willReturn(json(200, "{}")));
    }

    @Test
    void deleteModeDeletesTheRecordsOfTheRowsItReadsOnce() {
        runs.runAndWait("accounts");
        jdbc.update("UPDATE crm_src.accounts SET closed = true WHERE name IN ('B', 'C')");
        CRM.stubFor(delete(urlEqualTo("/crm/v1/accounts/C")).atPriority(1).willReturn(aResponse().withStatus(404)));

        JsonNode run = runs.runAndWait("accounts_closed");
        JsonNode again = runs.runAndWait("accounts_closed");

        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(2);
        CRM.verify(1, deleteRequestedFor(urlEqualTo("/crm/v1/accounts/B")));
        CRM.verify(1, deleteRequestedFor(urlEqualTo("/crm/v1/accounts/C")));
        assertThat(jdbc.queryForList("SELECT source_id FROM writeback.links WHERE sync = 'accounts' AND status = 'deleted' "
                + "ORDER BY source_id", String.class)).containsExactly("2", "3");
        assertThat(again.at("/counts/deleted").asLong()).isZero();
        assertThat(again.at("/counts/skipped").asLong()).isEqualTo(2);
        assertThat(again.at("/counts/httpCalls").asLong()).isZero();
    }

    @Test
    void mirrorDeletesWhatLeftTheSourceAndCreatesItAgainWhenItComesBack() {
        runs.runAndWait("accounts_mirror");
        jdbc.update("DELETE FROM crm_src.accounts WHERE name = 'C'");

        JsonNode mirrored = runs.runAndWait("accounts_mirror");

        // The rows still there are unchanged: kept back in the database, which also finds the one that left.
        assertThat(mirrored.at("/counts/deleted").asLong()).isEqualTo(1);
        assertThat(mirrored.at("/counts/rowsRead").asLong()).isZero();
        assertThat(mirrored.at("/counts/httpCalls").asLong()).isEqualTo(1);
        CRM.verify(1, deleteRequestedFor(urlEqualTo("/crm/v1/accounts/C")));
        assertThat(runs.runAndWait("accounts_mirror").at("/counts/httpCalls").asLong()).isZero();

        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (3, 'C')");
        JsonNode back = runs.runAndWait("accounts_mirror");

        assertThat(back.at("/counts/inserted").asLong()).isEqualTo(1);
        CRM.verify(2, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(equalToJson("{\"name\": \"C\"}")));
    }

    @Test
    void mirrorWithArchiveSetsTheArchiveFieldInsteadOfDeleting() {
        runs.runAndWait("accounts_archive");
        jdbc.update("DELETE FROM crm_src.accounts WHERE name = 'D'");

        JsonNode run = runs.runAndWait("accounts_archive");

        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(1);
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/accounts/D")).withRequestBody(equalToJson("{\"archived\": \"true\"}")));
        CRM.verify(0, deleteRequestedFor(urlMatching(".*")));
    }

    @Test
    void mirrorDeletesNothingWhenTheSourceIsEmpty() {
        runs.runAndWait("accounts_mirror");
        jdbc.update("DELETE FROM crm_src.accounts");
        CRM.resetRequests();

        JsonNode run = runs.runAndWait("accounts_mirror");

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText())
                .isEqualTo("sync accounts_mirror: the query returned no rows, so mode mirror deletes none of the 4 linked records; check the source");
        CRM.verify(0, anyRequestedFor(urlMatching(".*")));
    }
}
