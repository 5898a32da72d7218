package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

/** Credentials rotated without a restart, OAuth2 client credentials, and hosts a connection refuses. */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsTest extends CrmDestinationTest {

    private static final Path TOKEN_PATH = Path.of(TOKEN_FILE);

    @BeforeEach
    void setUp() throws IOException {
        accounts();
        Files.createDirectories(TOKEN_PATH.getParent());
        Files.writeString(TOKEN_PATH, "file-token-one\n");
    }

    @Test
    void aRotatedCredentialFileIsUsedWithoutARestart() throws IOException {
        jdbc.update("DELETE FROM crm_src.accounts WHERE id > 1");
        runs.runAndWait("accounts_file");
        Files.writeString(TOKEN_PATH, "file-token-two");
        Files.setLastModifiedTime(TOKEN_PATH, FileTime.from(Instant.now().plusSeconds(5)));
        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (2, 'B')");

        runs.runAndWait("accounts_file");

        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withHeader("Authorization", equalTo("Bearer file-token-one")));
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withHeader("Authorization", equalTo("Bearer file-token-two")));
    }

    @Test
    void reloadAnswersForKnownConnectionsOnly() {
        assertThat(http.postForEntity("/api/connections/crm_file/reload", null, JsonNode.class).getBody().get("reloaded")
                .asBoolean()).isTrue();
        assertThat(http.postForEntity("/api/connections/nope/reload", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void oauth2FetchesATokenAndFetchesAnotherWhenTheDestinationRefusesIt(CapturedOutput output) {
        CRM.stubFor(post(urlEqualTo("/oauth/token")).inScenario("token").whenScenarioStateIs(STARTED).willSetStateTo("second")
                .willReturn(json(200, "{\"access_token\": \"oauth-token-one\", \"expires_in\": 3600}")));
        CRM.stubFor(post(urlEqualTo("/oauth/token")).inScenario("token").whenScenarioStateIs("second")
                .willReturn(json(200, "{\"access_token\": \"oauth-token-two\", \"expires_in\": 3600}")));
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts")).withHeader("Authorization", equalTo("Bearer oauth-token-one"))
                .atPriority(1).willReturn(aResponse().withStatus(401)));

        JsonNode run = runs.runAndWait("accounts_oauth");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        CRM.verify(2, postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("grant_type=client_credentials&client_id=writeback&client_secret=" + CLIENT_SECRET)));
        CRM.verify(4, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withHeader("Authorization", equalTo("Bearer oauth-token-two")));
        assertThat(output.getAll()).doesNotContain(CLIENT_SECRET, "oauth-token-one", "oauth-token-two");
        List<String> stored = jdbc.queryForList("SELECT concat_ws(' ', request_url, request_body, response_body, error) "
                + "FROM writeback.dead_letters", String.class);
        assertThat(stored).noneMatch(text -> text.contains(CLIENT_SECRET));
    }

    @Test
    void aConnectionToACloudMetadataAddressIsRefusedBeforeAnyCall() {
        JsonNode run = runs.runAndWait("accounts_metadata");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(4);
        assertThat(run.at("/counts/httpCalls").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT last_error FROM writeback.links WHERE sync = 'accounts_metadata' AND source_id = '1'",
                String.class)).startsWith("connection 'crm_metadata' refuses host 169.254.169.254 (169.254.169.254): it is a link-local address");
        CRM.verify(0, anyRequestedFor(urlMatching(".*")));
    }
}
