package io.writeback.transform;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import org.junit.jupiter.api.Test;

/**
 * A transform script's strings reach the target as written; a script that throws on one record sets
 * only that one aside; a script may be kept in a file.
 */
class TransformScriptTest extends CrmDestinationTest {

    @Test
    void aScriptFailingOnOneRecordMakesItInvalidWithTheScriptsMessageAndTheOthersGoOn() {
        accounts();

        JsonNode run = runs.runAndWait("accounts_scripted");

        assertThat(run.get("status").asText()).isEqualTo("completed_with_errors");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/invalid").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT reason FROM writeback.invalid_rows WHERE sync = 'accounts_scripted'", String.class))
                .isEqualTo("writeback:transform failed: no rule for account C");
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts"))
                .withRequestBody(matchingJsonPath("$.label", equalTo("account B & co, 100% #2"))));
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("C"))));
    }

    @Test
    void aScriptMayLiveInAFile() {
        accounts();

        JsonNode run = runs.runAndWait("accounts_script_file");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.label", equalTo("account D"))));
    }
}
