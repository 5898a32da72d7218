package io.writeback.pair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.run.ActiveRuns;
import io.writeback.support.WritebackIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The example pair of {@code routes/demo/examples/}: people kept alike in two sandbox objects. A change on
 * either side reaches the other once, and the pair then settles with no further writes.
 */
class TwoWaySyncTest extends WritebackIntegrationTest {

    @Autowired
    ActiveRuns activeRuns;

    @Test
    void aChangeOnEitherSidePropagatesOnceAndThePairSettles() {
        long ada = create("crm_people", Map.of("name", "Ada Lovelace", "email", "ada@example.com"));
        long alan = create("crm_people", Map.of("name", "Alan Turing", "email", "alan@example.com"));
        create("crm_people", Map.of("name", "Grace Hopper", "email", "grace@example.com"));

        assertThat(runAndWait("crm_to_erp").at("/counts/inserted").asLong()).isEqualTo(3);
        JsonNode back = runAndWait("erp_to_crm");
        assertThat(back.at("/counts/httpCalls").asLong()).isZero();
        assertThat(back.at("/counts/skipped").asLong()).isEqualTo(3);
        assertSettled();
        assertThat(total("crm_people")).isEqualTo(3);
        assertThat(total("erp_people")).isEqualTo(3);
        long erpAda = erpIdOf(ada);
        assertThat(fields("erp_people", erpAda).get("full_name").asText()).isEqualTo("Ada Lovelace");

        // A change in the CRM reaches the ERP, and is not sent back.
        patch("crm_people", ada, Map.of("name", "Ada King"));
        JsonNode crmChange = runAndWait("crm_to_erp");
        assertThat(crmChange.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(crmChange.at("/counts/httpCalls").asLong()).isEqualTo(1);
        assertThat(fields("erp_people", erpAda).get("full_name").asText()).isEqualTo("Ada King");
        assertSettled();

        // A change in the ERP reaches the CRM, and is not sent back.
        patch("erp_people", erpIdOf(alan), Map.of("email_address", "alan.turing@example.com"));
        JsonNode erpChange = runAndWait("erp_to_crm");
        assertThat(erpChange.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(fields("crm_people", alan).get("email").asText()).isEqualTo("alan.turing@example.com");
        assertSettled();

        // A record created in the ERP is created in the CRM once: the CRM side knows it is the same person.
        create("erp_people", Map.of("full_name", "Edsger Dijkstra", "email_address", "edsger@example.com"));
        assertThat(runAndWait("erp_to_crm").at("/counts/inserted").asLong()).isEqualTo(1);
        assertSettled();
        assertThat(total("crm_people")).isEqualTo(4);
        assertThat(total("erp_people")).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = 'crm_people' "
                + "AND data->>'name' = 'Edsger Dijkstra'", Long.class)).isEqualTo(1);
    }

    @Test
    void aRunIsRefusedWhileItsPairRuns() {
        assertThat(activeRuns.claim("crm_to_erp", 999)).isTrue();
        try {
            ResponseEntity<JsonNode> refused = http.postForEntity("/api/syncs/erp_to_crm/runs", null, JsonNode.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("detail").asText())
                    .startsWith("sync 'erp_to_crm' cannot run while its pair 'crm_to_erp' runs (run 999 on node ");
        } finally {
            activeRuns.release("crm_to_erp", 999);
        }
        assertThat(runAndWait("erp_to_crm").get("status").asText()).isEqualTo("succeeded");
    }

    /** Both directions run once more: neither sends anything. */
    private void assertSettled() {
        for (String sync : new String[] {"crm_to_erp", "erp_to_crm", "crm_to_erp"}) {
            JsonNode run = runAndWait(sync);
            assertThat(run.get("status").asText()).as(sync).isEqualTo("succeeded");
            assertThat(run.at("/counts/httpCalls").asLong()).as(sync + " sends nothing").isZero();
        }
    }

    private long erpIdOf(long crmId) {
        return Long.parseLong(jdbc.queryForObject("SELECT target_id FROM writeback.links WHERE sync = 'crm_to_erp' "
                + "AND source_id = ?", String.class, String.valueOf(crmId)));
    }

    private long create(String object, Map<String, Object> fields) {
        return http.postForObject("/sandbox/{object}", fields, JsonNode.class, object).get("id").asLong();
    }

    private void patch(String object, long id, Map<String, Object> fields) {
        http.patchForObject("/sandbox/{object}/{id}", fields, JsonNode.class, object, id);
    }

    private JsonNode fields(String object, long id) {
        return http.getForObject("/sandbox/{object}/{id}", JsonNode.class, object, id).get("fields");
    }

    private long total(String object) {
        return http.getForObject("/sandbox/{object}?limit=1", JsonNode.class, object).get("total").asLong();
    }
}
