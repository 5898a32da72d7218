package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Modes insert and update, and a query that lacks the columns the sync names. */
class ModesTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        CRM.stubFor(patch(urlMatching("/crm/v1/accounts/.*")).willReturn(json(200, "{}")));
    }

    @Test
    void insertCreatesWhatHasNoLinkAndLeavesLinkedRecordsAlone() {
        runs.runAndWait("accounts_insert");
        jdbc.update("UPDATE crm_src.accounts SET name = 'A2' WHERE id = 1");
        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (5, 'E')");
        CRM.resetRequests();

        JsonNode run = runs.runAndWait("accounts_insert");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        // A2 changed, and is read to be skipped; the three others are kept back in the database, unchanged.
        assertThat(run.at("/counts/skipped").asLong()).isEqualTo(1);
        assertThat(CRM.getAllServeEvents()).hasSize(1);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(equalToJson("{\"name\": \"E\"}")));
        assertThat(jdbc.queryForList("SELECT source_id, target_id, status FROM writeback.links WHERE sync = 'accounts_insert' "
                + "ORDER BY source_id")).extracting(row -> row.get("target_id")).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void updateSendsChangesOfLinkedRecordsAndSkipsTheRest() {
        JsonNode first = runs.runAndWait("accounts_update");
        assertThat(first.at("/counts/skipped").asLong()).isEqualTo(4);
        CRM.verify(0, anyRequestedFor(urlMatching(".*")));
        jdbc.update("INSERT INTO writeback.links (sync, source_id, target_id, status, attempts) VALUES "
                + "('accounts_update', '2', 'crm-b', 'success', 1)");

        JsonNode run = runs.runAndWait("accounts_update");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/skipped").asLong()).isEqualTo(3);
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/accounts/crm-b")).withRequestBody(equalToJson("{\"name\": \"B\"}")));
        assertThat(jdbc.queryForMap("SELECT status, target_id, payload_hash IS NOT NULL AS hashed FROM writeback.links "
                + "WHERE sync = 'accounts_update'")).isEqualTo(Map.of("status", "success", "target_id", "crm-b", "hashed", true));
    }

    @Test
    void aQueryWithoutTheCursorColumnFailsTheRunNamingIt() {
        jdbc.execute("ALTER TABLE crm_src.accounts ADD COLUMN account_id int");

        JsonNode run = runs.runAndWait("accounts_misnamed");

        assertThat(run.get("error").asText()).isEqualTo("sync accounts_misnamed: the query returns no column 'modified_at', "
                + "which the sync names as its cursor (it returns: id, name, updated_at, closed, account_id)");
    }

    @Test
    void aQueryWithoutTheKeyColumnFailsTheRunNamingIt() {
        JsonNode run = runs.runAndWait("accounts_misnamed");

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).isEqualTo("sync accounts_misnamed: the query returns no column 'account_id', "
                + "which the sync names as its key (it returns: id, name, updated_at, closed)");
        assertThat(jdbc.queryForList("SELECT sync FROM writeback.links", String.class)).isEqualTo(List.of());
    }
}
