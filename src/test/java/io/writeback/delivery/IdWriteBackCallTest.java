package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Target ids written back through an HTTP call on a named connection; a refused call never undoes the insert. */
class IdWriteBackCallTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        CRM.stubFor(patch(urlPathMatching("/crm/v1/warehouse/accounts/.*")).willReturn(json(204, "")));
    }

    @Test
    void eachNewRecordsTargetIdIsSentToTheWriteBackPath() {
        JsonNode run = runs.runAndWait("accounts_ids_back");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/warehouse/accounts/2")).withRequestBody(equalToJson("{\"crm_id\": \"B\"}")));
        CRM.verify(4, patchRequestedFor(urlPathMatching("/crm/v1/warehouse/accounts/.*")));
        assertThat(link("accounts_ids_back", "2")).containsEntry("write_back_error", null);

        runs.runAndWait("accounts_ids_back");

        CRM.verify(4, patchRequestedFor(urlPathMatching("/crm/v1/warehouse/accounts/.*")));
    }

    @Test
    void aRefusedWriteBackLeavesTheInsertLinkedAndIsSentAgainByTheNextRun() {
        CRM.stubFor(patch(urlEqualTo("/crm/v1/warehouse/accounts/3")).atPriority(1).willReturn(json(400, "{\"error\": \"locked\"}")));

        JsonNode run = runs.runAndWait("accounts_ids_back");

        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(link("accounts_ids_back", "3")).containsEntry("status", "success").containsEntry("target_id", "C");
        assertThat((String) link("accounts_ids_back", "3").get("write_back_error")).startsWith("the write-back call failed: ")
                .contains("400");

        CRM.resetMappings();
        CRM.stubFor(patch(urlPathMatching("/crm/v1/warehouse/accounts/.*")).willReturn(json(204, "")));
        JsonNode again = runs.runAndWait("accounts_ids_back");

        assertThat(again.at("/counts/inserted").asLong()).isZero();
        CRM.verify(2, patchRequestedFor(urlEqualTo("/crm/v1/warehouse/accounts/3")));
        assertThat(link("accounts_ids_back", "3")).containsEntry("write_back_error", null);
    }
}
