package io.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What an operator sees: health, Hawtio, each sync as a Camel route in JMX, logs and the API's description. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends WritebackIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void healthReportsTheDatabaseCamelAndEverySync() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.at("/components/camelHealth/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/syncs/details/companies/state").asText()).isEqualTo("never-run");
    }

    @Test
    void aStoppedPausedFailingOrStaleSyncIsReportedWithoutTakingTheServiceDown() throws Exception {
        runAndWait("companies");
        camel.getRouteController().stopRoute("contacts");
        try {
            http.postForObject("/api/syncs/companies/pause", null, JsonNode.class);
            jdbc.update("INSERT INTO writeback.runs (sync, trigger, status, queued_at, started_at, finished_at) VALUES "
                    + "('invoices', 'schedule', 'succeeded', now() - interval '3 days', now() - interval '3 days', now() - interval '3 days'), "
                    + "('leads', 'schedule', 'succeeded', now(), now(), now() - interval '1 minute'), "
                    + "('leads', 'schedule', 'failed', now(), now(), now()), ('leads', 'schedule', 'failed', now(), now(), now())");

            ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
            JsonNode syncs = health.getBody().at("/components/syncs");

            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
            assertThat(syncs.get("status").asText()).isEqualTo("UP");
            assertThat(syncs.at("/details/contacts/state").asText()).isEqualTo("stopped");
            assertThat(syncs.at("/details/companies/state").asText()).isEqualTo("paused");
            assertThat(syncs.at("/details/companies/paused/by").asText()).isEqualTo("admin");
            assertThat(syncs.at("/details/leads/state").asText()).isEqualTo("failing");
            assertThat(syncs.at("/details/leads/failingRuns").asLong()).isEqualTo(2);
            assertThat(syncs.at("/details/invoices/state").asText()).isEqualTo("stale");
            assertThat(anonymous.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(anonymous.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode readiness = http.getForObject("/actuator/health/readiness", JsonNode.class);
            assertThat(readiness.get("components").fieldNames()).toIterable().containsExactlyInAnyOrder("readinessState", "db",
                    "camelHealth");
        } finally {
            camel.getRouteController().startRoute("contacts");
        }
    }

    @Test
    void theLinesOfARunNameItsSyncAndRun(CapturedOutput output) {
        long runId = runAndWait("companies").get("id").asLong();

        assertThat(output.getOut()).containsPattern("INFO \\[companies run " + runId + "\\] .*Sync companies: run " + runId + " started")
                .containsPattern("INFO \\[companies run " + runId + "\\] .*Sync companies: run " + runId + " succeeded");
    }

    @Test
    void theRestApiIsDescribedForLoggedInUsers() {
        JsonNode openApi = TestUsers.VIEWER.on(anonymous).getForObject("/v3/api-docs", JsonNode.class);

        assertThat(openApi.get("paths").has("/api/syncs/{name}/pause")).isTrue();
        assertThat(openApi.get("paths").has("/api/groups/{name}/runs")).isTrue();
        assertThat(anonymous.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestUsers.VIEWER.on(anonymous).getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void hawtioIsServed() {
        assertThat(http.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void eachSyncIsARouteNamedAfterItInJmx() throws MalformedObjectNameException {
        Set<ObjectName> routes = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("org.apache.camel:context=writeback,type=routes,*"), null);

        assertThat(routes).extracting(name -> name.getKeyProperty("name"))
                .contains("\"companies\"", "\"contacts\"");
    }

    @Test
    void theConfigurationIsNotServed() {
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/actuator/configprops", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
