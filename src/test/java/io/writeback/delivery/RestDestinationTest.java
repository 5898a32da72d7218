package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A sync to a generic REST destination (WireMock), configured the way a user configures a CRM. */
@ExtendWith(OutputCaptureExtension.class)
class RestDestinationTest extends CrmDestinationTest {

    @BeforeEach
    void people() {
        createsAnswerIdFrom("people", "data", "email");
        CRM.stubFor(put(urlEqualTo("/crm/v1/people/bob@example.com")).willReturn(json(200, "{}")));
        jdbc.execute("""
                CREATE TABLE crm_src.people (id int PRIMARY KEY, first text, last text, email text, score int);
                INSERT INTO crm_src.people VALUES
                    (1, 'Ada', 'Lovelace', 'ada@example.com', 41),
                    (2, 'Bob', 'Builder', 'bob@example.com', 9),
                    (3, 'Cy', 'Press', 'cy@example.com', 1),
                    (4, 'No', 'Mail', 'nomail', 0)""");
    }

    @Test
    void insertsWithAuthAndHeadersAndLinksTheIdFromThePointer() {
        JsonNode run = runs.runAndWait("people");

        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        CRM.verify(3, postRequestedFor(urlEqualTo("/crm/v1/people"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Client", equalTo("writeback"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8")));
        CRM.verify(postRequestedFor(urlEqualTo("/crm/v1/people")).withRequestBody(equalToJson(
                "{\"id\": 1, \"name\": \"Ada Lovelace\", \"email\": \"ada@example.com\", \"score\": 42, \"origin\": \"warehouse\"}")));
        assertThat(jdbc.queryForList("SELECT source_id, target_id FROM writeback.links WHERE sync = 'people' ORDER BY source_id"))
                .containsExactly(Map.of("source_id", "1", "target_id", "ada@example.com"),
                        Map.of("source_id", "2", "target_id", "bob@example.com"),
                        Map.of("source_id", "3", "target_id", "cy@example.com"));
    }

    @Test
    void aChangedRowGoesToItsTargetIdWithTheConfiguredMethod() {
        runs.runAndWait("people");
        jdbc.update("UPDATE crm_src.people SET score = 10 WHERE id = 2");

        JsonNode run = runs.runAndWait("people");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/rowsRead").asLong()).isEqualTo(1);
        CRM.verify(1, putRequestedFor(urlEqualTo("/crm/v1/people/bob@example.com"))
                .withRequestBody(matchingJsonPath("$.score", equalTo("11"))));
    }

    @Test
    void aRefusedRecordIsKeptWithItsRequestAndAnswerWhileTheOthersLand(CapturedOutput output) {
        createsOf("people", "email", "cy@example.com",
                json(422, "{\"error\": \"email domain blocked\", \"echo\": \"{{request.headers.Authorization}}\"}"));

        JsonNode run = runs.runAndWait("people");

        assertThat(run.get("status").asText()).isEqualTo("completed_with_errors");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        Map<String, Object> link = jdbc.queryForMap("SELECT * FROM writeback.links WHERE sync = 'people' AND source_id = '3'");
        assertThat(link).containsEntry("status", "error").containsEntry("target_id", null).containsEntry("attempts", 1);
        assertThat((String) link.get("last_error")).startsWith("HTTP 422 from POST " + CRM.baseUrl() + "/crm/v1/people: ")
                .contains("email domain blocked");
        Map<String, Object> dead = jdbc.queryForMap("SELECT * FROM writeback.dead_letters WHERE sync = 'people'");
        assertThat(dead).containsEntry("source_id", "3").containsEntry("action", "insert")
                .containsEntry("request_method", "POST").containsEntry("response_status", 422);
        assertThat((String) dead.get("request_body")).contains("\"email\":\"cy@example.com\"");

        // The token came back inside the answer; it is stored, logged and served nowhere.
        assertThat((String) dead.get("response_body")).contains("Bearer ***");
        List<String> stored = jdbc.queryForList("""
                SELECT concat_ws(' ', request_url, request_body, response_body, error) FROM writeback.dead_letters
                UNION ALL SELECT coalesce(last_error, '') FROM writeback.links
                UNION ALL SELECT coalesce(error, '') FROM writeback.runs""", String.class);
        assertThat(stored).noneMatch(text -> text.contains(TOKEN));
        assertThat(http.getForObject("/api/syncs", String.class)).doesNotContain(TOKEN);
        assertThat(http.getForObject("/api/syncs/people/runs", String.class)).doesNotContain(TOKEN);
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void rowsWithANullOrRepeatedKeyAreReportedInvalidAndNotSent() {
        jdbc.execute("""
                ALTER TABLE crm_src.people DROP CONSTRAINT people_pkey;
                ALTER TABLE crm_src.people ALTER COLUMN id DROP NOT NULL;
                INSERT INTO crm_src.people VALUES (NULL, 'Nu', 'Ll', 'null@example.com', 0), (1, 'Ada', 'Again', 'ada2@example.com', 0)""");

        JsonNode run = runs.runAndWait("people");

        assertThat(run.get("status").asText()).isEqualTo("completed_with_errors");
        assertThat(run.at("/counts/rowsRead").asLong()).isEqualTo(5);
        assertThat(run.at("/counts/invalid").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/people")).withRequestBody(matchingJsonPath("$.email", equalTo("null@example.com"))));
    }

    @Test
    void aRecordThatFailedIsSentAgainOnTheNextRun() {
        createsOf("people", "email", "cy@example.com", json(422, "{}"));
        runs.runAndWait("people");
        CRM.removeStub(CRM.getStubMappings().stream().filter(stub -> stub.getPriority() != null).findFirst().orElseThrow());

        JsonNode retry = runs.runAndWait("people");

        assertThat(retry.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(retry.at("/counts/rowsRead").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT status, target_id, attempts, last_error FROM writeback.links WHERE source_id = '3'"))
                .containsEntry("status", "success").containsEntry("target_id", "cy@example.com")
                .containsEntry("attempts", 2).containsEntry("last_error", null);
    }
}
