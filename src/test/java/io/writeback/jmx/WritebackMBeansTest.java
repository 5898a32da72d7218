package io.writeback.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Writeback's MBeans: state and operations per sync, group and connection, through the MBean server and through Jolokia. */
class WritebackMBeansTest extends WritebackIntegrationTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void aSyncRunsPausesAndResumesThroughItsMBean() throws Exception {
        ObjectName companies = new ObjectName("io.writeback:type=Sync,name=companies");

        long runId = (Long) SERVER.invoke(companies, "runNow", new Object[0], new String[0]);
        await().atMost(Duration.ofSeconds(60)).until(() -> SERVER.getAttribute(companies, "LastRunStatus"), "succeeded"::equals);

        assertThat(runId).isPositive();
        assertThat(SERVER.getAttribute(companies, "State")).isEqualTo("ok");
        assertThat(SERVER.getAttribute(companies, "PendingDeadLetters")).isEqualTo(0L);
        assertThat((String) SERVER.getAttribute(companies, "LastRunCounts")).startsWith("read 60, inserted 60");
        assertThat((String) SERVER.invoke(companies, "pause", new Object[] {"maintenance"}, new String[] {String.class.getName()}))
                .startsWith("paused by jmx since ").endsWith(": maintenance");
        assertThat(http.getForObject("/api/syncs/companies", JsonNode.class).at("/paused/by").asText()).isEqualTo("jmx");
        assertThatThrownBy(() -> SERVER.invoke(companies, "runNow", new Object[0], new String[0]))
                .rootCause().isInstanceOf(IllegalStateException.class).hasMessageStartingWith("sync 'companies' is paused by jmx");
        assertThat(SERVER.invoke(companies, "resume", new Object[0], new String[0])).isEqualTo("resumed");
        assertThat(SERVER.getAttribute(companies, "RunningNow")).isEqualTo("");
        jdbc.update("INSERT INTO writeback.run_claims (kind, name, holder, run_id, node) VALUES ('sync', 'companies', "
                + "'companies', 77, 'node-b')");
        assertThat(SERVER.getAttribute(companies, "RunningNow")).isEqualTo("run 77 on node node-b");
        jdbc.update("DELETE FROM writeback.run_claims");
        assertThat(SERVER.getAttribute(new ObjectName("io.writeback:type=Group,name=demo_nightly"), "Syncs"))
                .isEqualTo("companies, contacts");
        assertThat(SERVER.getAttribute(new ObjectName("io.writeback:type=Connection,name=sandbox"), "RateLimitState"))
                .isEqualTo("no rate limit");
    }

    @Test
    void throughJolokiaViewersReadAndOperatorsAct() {
        String pause = "{\"type\":\"exec\",\"mbean\":\"io.writeback:type=Sync,name=contacts\",\"operation\":\"pause\","
                + "\"arguments\":[\"from Hawtio\"]}";
        String read = "{\"type\":\"read\",\"mbean\":\"io.writeback:type=Sync,name=contacts\",\"attribute\":\"State\"}";
        String search = "{\"type\":\"search\",\"mbean\":\"io.writeback:*\"}";

        JsonNode found = jolokia(TestUsers.VIEWER.on(anonymous), search);
        assertThat(found.get("value").toString()).contains("io.writeback:name=contacts,type=Sync")
                .contains("io.writeback:name=sandbox,type=Connection");
        assertThat(jolokia(TestUsers.VIEWER.on(anonymous), read).get("value").asText()).isEqualTo("never-run");
        assertThat(jolokia(TestUsers.VIEWER.on(anonymous), pause).get("status").asInt()).isEqualTo(403);
        assertThat(jolokia(TestUsers.OPERATOR.on(anonymous), pause).get("status").asInt()).isEqualTo(200);
        assertThat(http.getForObject("/api/syncs/contacts", JsonNode.class).at("/paused/by").asText()).isEqualTo("operator");
        assertThat(jolokia(TestUsers.VIEWER.on(anonymous), read).get("value").asText()).isEqualTo("paused");
    }

    private JsonNode jolokia(TestRestTemplate as, String request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as.postForObject("/actuator/jolokia", new HttpEntity<>(request, headers), JsonNode.class);
    }
}
