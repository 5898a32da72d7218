package io.writeback.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may call what, through real HTTP calls on the running application: API, sandbox, actuator, Hawtio. */
class AccessTest extends WritebackIntegrationTest {

    @Test
    void anonymousCallsAreRefusedEverywhereButLivenessAndReadiness() {
        for (String path : new String[] {"/api/syncs", "/api/runs/1", "/api/syncs/companies/dead-letters", "/sandbox/people",
                "/actuator/health", "/actuator/metrics", "/actuator/jolokia", "/actuator/info"}) {
            assertThat(anonymous.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> hawtio = anonymous.exchange("/actuator/hawtio/", HttpMethod.GET, new HttpEntity<>(html()), String.class);
        assertThat(hawtio.getBody()).as("Hawtio opened without a login shows the login form")
                .contains("action=\"/login\"").doesNotContain("hawtio-app");
        assertThat(post(anonymous, "/api/syncs/companies/runs").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(anonymous, "/sandbox/people").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        JsonNode readiness = anonymous.getForObject("/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.has("components")).isFalse();
        assertThat(anonymous.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(anonymous.withBasicAuth("admin", "not-the-password").getForEntity("/api/syncs", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aViewerReadsSyncsRunsHealthAndHawtioButChangesNothingAndSeesNoRecordData() {
        TestRestTemplate viewer = TestUsers.VIEWER.on(anonymous);

        assertThat(viewer.getForEntity("/api/syncs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer.getForEntity("/api/syncs/companies/runs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer.getForObject("/actuator/health", JsonNode.class).has("components")).isTrue();
        assertThat(viewer.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer.getForObject("/actuator/hawtio/user", String.class).strip())
                .as("Hawtio's own authentication is on and knows the user Spring Security logged in")
                .isEqualTo("\"viewer\"");
        assertThat(viewer.getForEntity("/sandbox/people", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        for (String path : new String[] {"/api/syncs/companies/runs", "/api/syncs/companies/resync",
                "/api/syncs/companies/dead-letters/replay", "/api/syncs/companies/records/1/sync",
                "/api/syncs/companies/links/1/resolve", "/api/connections/sandbox/reload", "/sandbox/people"}) {
            assertThat(post(viewer, path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String path : new String[] {"/api/syncs/companies/dead-letters", "/api/syncs/companies/preview",
                "/api/syncs/companies/records/1", "/api/runs/1/invalid-rows"}) {
            assertThat(viewer.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void anOperatorRunsReplaysAndReloadsButDoesNotSeed() {
        TestRestTemplate operator = TestUsers.OPERATOR.on(anonymous);

        assertThat(post(operator, "/api/syncs/companies/runs").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post(operator, "/api/connections/sandbox/reload").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(operator.getForEntity("/api/syncs/companies/dead-letters", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(operator.postForEntity("/sandbox/people", Map.of("name", "Ada"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(operator.postForEntity("/api/syncs/companies/links/seed",
                Map.of("query", "SELECT 1 AS source_id, 2 AS target_id"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        new io.writeback.support.RunsApi(http).awaitEnd(latestRun());
    }

    @Test
    void aCrossSiteFormPostIsRefusedWhateverCredentialsTheBrowserHolds() {
        HttpHeaders fromAnotherSite = new HttpHeaders();
        fromAnotherSite.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        fromAnotherSite.setOrigin("https://evil.example");
        HttpHeaders fetchMetadata = new HttpHeaders();
        fetchMetadata.setContentType(MediaType.TEXT_PLAIN);
        fetchMetadata.set("Sec-Fetch-Site", "cross-site");

        assertThat(exchange(http, "/api/syncs/companies/runs", fromAnotherSite, "a=1")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(http, "/api/syncs/companies/runs", fetchMetadata, "a=1")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(http, "/actuator/jolokia", fromAnotherSite, "{\"type\":\"version\"}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs", Long.class)).isZero();
    }

    @Test
    void aBrowserSessionChangesNothingWithoutItsCsrfToken() throws Exception {
        BrowserSession browser = BrowserSession.logIn(anonymous.getRootUri(), TestUsers.OPERATOR);

        assertThat(browser.post("/api/syncs/companies/runs", "{}", false).statusCode()).isEqualTo(HttpStatus.FORBIDDEN.value());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs", Long.class)).isZero();
        assertThat(browser.post("/api/syncs/companies/runs", "{}", true).statusCode()).isEqualTo(HttpStatus.ACCEPTED.value());
        new io.writeback.support.RunsApi(http).awaitEnd(latestRun());
    }

    @Test
    void hawtioInABrowserSessionKnowsTheUserAndReadsThroughJolokia() throws Exception {
        BrowserSession browser = BrowserSession.logIn(anonymous.getRootUri(), TestUsers.VIEWER);

        assertThat(browser.get("/actuator/hawtio/user").body().strip()).isEqualTo("\"viewer\"");
        HttpResponse<String> version = browser.post("/actuator/jolokia", "{\"type\":\"version\"}", true);
        assertThat(version.statusCode()).isEqualTo(HttpStatus.OK.value());
        assertThat(version.body()).contains("\"status\":200");
    }

    private static HttpHeaders html() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        return headers;
    }

    private long latestRun() {
        return jdbc.queryForObject("SELECT max(id) FROM writeback.runs", Long.class);
    }

    private static ResponseEntity<String> post(TestRestTemplate as, String path) {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        return as.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", json), String.class);
    }

    private static HttpStatusCode exchange(TestRestTemplate as, String path, HttpHeaders headers, String body) {
        return as.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode();
    }
}
