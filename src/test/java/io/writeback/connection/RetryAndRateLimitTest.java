package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.writeback.support.CrmDestinationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After, timeouts and the shared rate limit of a connection, read from WireMock and the connection's clock. */
class RetryAndRateLimitTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
    }

    @Test
    void aCreateAnswered5xxIsSentOnceAndLeftPendingNeverCreatedTwice() {
        // A 5xx may come after the write landed: without an idempotency key the create is not repeated.
        createOfBAnswers(aResponse().withStatus(503), json(201, "{\"id\": \"B\"}"));

        JsonNode run = runs.runAndWait("accounts_mirror");
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "pending");
        // The next run recovers the record by the object's lookup, and updates it, instead of creating it again.
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=B")).willReturn(json(200, "{\"results\": [{\"id\": \"B\"}]}")));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B")).willReturn(json(200, "{}")));
        runs.runAndWait("accounts_mirror");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "success").containsEntry("target_id", "B");
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B"))));
    }

    @Test
    void aCreateAnsweredWithoutAnIdIsLeftPendingNamingThePointerAndTheAnswer() {
        createsOf("accounts", "name", "B", json(201, "{}"));

        JsonNode run = runs.runAndWait("accounts_mirror");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "pending");
        assertThat((String) link("accounts_mirror", "2").get("last_error"))
                .contains("the insert answered HTTP 201 but has no id at /id (answer: {}); the record may exist");
        // The next run recovers the record by the object's lookup, and updates it, instead of creating it again.
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=B")).willReturn(json(200, "{\"results\": [{\"id\": \"B\"}]}")));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B")).willReturn(json(200, "{}")));
        runs.runAndWait("accounts_mirror");
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "success").containsEntry("target_id", "B");
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B"))));
    }

    @Test
    void aResetConnectionIsRetriedForAnUpdate() {
        runs.runAndWait("accounts_mirror");
        jdbc.update("UPDATE crm_src.accounts SET name = 'A2' WHERE id = 1");
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/A")).inScenario("reset").whenScenarioStateIs(STARTED)
                .willSetStateTo("healed").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/A")).inScenario("reset").whenScenarioStateIs("healed")
                .willReturn(json(200, "{}")));

        JsonNode run = runs.runAndWait("accounts_mirror");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        CRM.verify(2, patchRequestedFor(urlEqualTo("/crm/v1/accounts/A")));
    }

    @Test
    void a429WaitsTheSecondsOfRetryAfter() {
        createOfBAnswers(json(429, "{}").withHeader("Retry-After", "1"), json(201, "{\"id\": \"B\"}"));

        runs.runAndWait("accounts_mirror");

        assertThat(callsFor("B")).isEqualTo(2);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void a429WaitsUntilTheDateOfRetryAfter() {
        Instant now = time.instant();
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3).atOffset(ZoneOffset.UTC));
        createOfBAnswers(json(429, "{}").withHeader("Retry-After", inThreeSeconds), json(201, "{\"id\": \"B\"}"));

        runs.runAndWait("accounts_mirror");

        assertThat(callsFor("B")).isEqualTo(2);
        // The date has whole seconds: the wait ends at the second the date names.
        assertThat(time.waits()).containsExactly(Duration.between(now, now.plusSeconds(3).truncatedTo(ChronoUnit.SECONDS)));
    }

    @Test
    void aRefusalIsNotRetriedAndAnOutageGivesUpAfterTheAttempts() {
        createsOf("accounts", "name", "B", json(422, "{}"));
        runs.runAndWait("accounts_mirror");
        jdbc.update("UPDATE crm_src.accounts SET name = 'C2' WHERE id = 3");
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/C")).willReturn(json(503, "{}")));

        JsonNode run = runs.runAndWait("accounts_mirror");

        // B was refused once in each run; the update of C, harmless to repeat, met the outage four times.
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(2);
        CRM.verify(2, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B"))));
        CRM.verify(4, patchRequestedFor(urlEqualTo("/crm/v1/accounts/C")));
    }

    @Test
    void aCreateThatTimesOutIsSentOnceAndLeftPendingNeverCreatedTwice() {
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B")))
                .atPriority(1).willReturn(json(201, "{\"id\": \"B\"}").withFixedDelay(1500)));

        JsonNode run = runs.runAndWait("accounts_slow");
        JsonNode next = runs.runAndWait("accounts_slow");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM writeback.links WHERE sync = 'accounts_slow' AND source_id = '2'",
                String.class)).isEqualTo("pending");
        assertThat(next.at("/counts/unknown").asLong()).isEqualTo(1);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B"))));
    }

    @Test
    void twoSyncsSharingARateLimitedConnectionNeverExceedItTogether() {
        jdbc.update("INSERT INTO crm_src.accounts (id, name) SELECT g, 'N' || g FROM generate_series(5, 16) AS g");

        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() -> runs.runAndWait("accounts_limited_a"));
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() -> runs.runAndWait("accounts_limited_b"));

        assertThat(a.join().at("/counts/inserted").asLong() + b.join().at("/counts/inserted").asLong()).isEqualTo(16);
        assertThat(CRM.getAllServeEvents()).hasSize(16);
        // At most five calls in any 1.05 s (the window and its margin), so sixteen span three windows of
        // the connection's clock, which only the gate's waits move; two gates, one per sync, would wait half that.
        assertThat(time.waitedInAll()).isGreaterThanOrEqualTo(Duration.ofMillis(3150));
    }

    private static void createOfBAnswers(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B")))
                .atPriority(1).inScenario("B").whenScenarioStateIs(STARTED).willSetStateTo("answered").willReturn(first));
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B")))
                .atPriority(1).inScenario("B").whenScenarioStateIs("answered").willReturn(then));
    }

    private static long callsFor(String name) {
        return CRM.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains("\"" + name + "\"")).count();
    }
}
