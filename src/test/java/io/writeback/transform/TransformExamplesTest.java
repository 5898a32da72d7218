package io.writeback.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.WritebackIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example syncs of {@code routes/demo/examples/}, as the docs show them, run on the demo warehouse. */
class TransformExamplesTest extends WritebackIntegrationTest {

    @Test
    void accountsCarryANestedAddressAndTheIndustrysOptionId() {
        JsonNode run = runAndWait("accounts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(60);
        JsonNode fields = sandboxFields("accounts", "SELECT target_id FROM link_tables.accounts WHERE source_id = '7'");
        Map<String, Object> expected = jdbc.queryForMap("""
                SELECT a.street, a.city, a.postcode, c.country_code, o.option_id FROM warehouse.companies c
                JOIN warehouse.company_addresses a ON a.company_id = c.id
                JOIN warehouse.industry_options o ON o.label = c.industry WHERE c.id = 7""");
        assertThat(fields.get("address").get("street").asText()).isEqualTo(expected.get("street"));
        assertThat(fields.get("address").get("city").asText()).isEqualTo(expected.get("city"));
        assertThat(fields.get("address").get("postcode").asText()).isEqualTo(expected.get("postcode"));
        assertThat(fields.get("address").get("country").asText()).isEqualTo(expected.get("country_code"));
        assertThat(fields.get("industry").asText()).isEqualTo(expected.get("option_id")).startsWith("opt_");
        assertThat(fields.has("street")).isFalse();

        // The picklist changes in the target: the join follows it, and only the records concerned are sent again.
        jdbc.update("UPDATE warehouse.industry_options SET option_id = 'opt_201' WHERE label = 'Retail'");
        JsonNode again = runAndWait("accounts");
        long retail = jdbc.queryForObject("SELECT count(*) FROM warehouse.companies WHERE industry = 'Retail'", Long.class);
        assertThat(again.at("/counts/updated").asLong()).isEqualTo(retail).isPositive();
        // The others were kept back in the database as unchanged: the run read only the rows that changed.
        assertThat(again.at("/unchangedKeptBack").asBoolean()).isTrue();
        assertThat(again.at("/counts/rowsRead").asLong()).isEqualTo(retail);
        assertThat(again.at("/counts/skipped").asLong()).isZero();
    }

    @Test
    void leadsMapTheirStageSetTheirSourceOnInsertOnlyAndCustomersAreNeverUpdated() {
        JsonNode first = runAndWait("leads");
        assertThat(first.at("/counts/inserted").asLong()).isEqualTo(300);
        JsonNode customer = sandboxFields("leads", leadOf("customer"));
        JsonNode lead = sandboxFields("leads", leadOf("lead"));
        assertThat(customer.get("stage").asText()).isEqualTo("CUSTOMER");
        assertThat(lead.get("stage").asText()).isEqualTo("LEAD");
        assertThat(lead.get("lead_source").asText()).isEqualTo("warehouse");

        // Nothing changed: the field set on insert only does not make the next run update every lead.
        JsonNode unchanged = runAndWait("leads");
        assertThat(unchanged.at("/counts/updated").asLong()).isZero();
        assertThat(unchanged.at("/counts/httpCalls").asLong()).isZero();

        jdbc.update("UPDATE warehouse.contacts SET phone = '+1-555-0000' WHERE lifecycle_stage IN ('customer', 'lead')");
        JsonNode changed = runAndWait("leads");

        long customers = jdbc.queryForObject("SELECT count(*) FROM warehouse.contacts WHERE lifecycle_stage = 'customer'", Long.class);
        long leads = jdbc.queryForObject("SELECT count(*) FROM warehouse.contacts WHERE lifecycle_stage = 'lead'", Long.class);
        assertThat(changed.get("status").asText()).isEqualTo("succeeded");
        assertThat(changed.at("/counts/updated").asLong()).isEqualTo(leads);
        assertThat(changed.at("/counts/failed").asLong()).isZero();
        assertThat(sandboxFields("leads", leadOf("lead")).get("phone").asText()).isEqualTo("+1-555-0000");
        assertThat(sandboxFields("leads", leadOf("lead")).get("lead_source").asText()).isEqualTo("warehouse");
        assertThat(sandboxFields("leads", leadOf("customer")).get("phone").asText()).isNotEqualTo("+1-555-0000");
        // A skipped customer is reported with the script's reason.
        String customerId = jdbc.queryForObject("SELECT min(id)::text FROM warehouse.contacts WHERE lifecycle_stage = 'customer'",
                String.class);
        JsonNode explained = http.getForObject("/api/syncs/leads/records/{id}", JsonNode.class, customerId);
        assertThat(explained.at("/nextRun/action").asText()).isEqualTo("skip");
        assertThat(explained.at("/nextRun/reason").asText()).isEqualTo("customers are kept up to date in the CRM");
        // Only the changed rows were read: the customers' ones are skipped by the script.
        assertThat(changed.at("/counts/rowsRead").asLong()).isEqualTo(customers + leads);
        assertThat(changed.at("/counts/skipped").asLong()).isEqualTo(customers);
        assertThat(customers).isPositive();
    }

    @Test
    void leadsAlreadyInTheTargetAreFoundByEmailInBatchesAndNotCreatedTwice() {
        List<Map<String, Object>> existing = jdbc.queryForList(
                "SELECT id, email FROM warehouse.contacts WHERE id IN (3, 150, 299) ORDER BY id");
        for (Map<String, Object> contact : existing) {
            http.postForObject("/sandbox/leads", Map.of("email", contact.get("email"), "first_name", "entered by hand"),
                    JsonNode.class);
        }

        JsonNode run = runAndWait("leads");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(297);
        assertThat(run.at("/counts/updated").asLong()).isEqualTo(3);
        // Three chunks of 100 new leads: one lookup call and one bulk create each, and the three updates.
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(9);
        assertThat(http.getForObject("/sandbox/leads?limit=1", JsonNode.class).get("total").asLong()).isEqualTo(300);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM sandbox.records WHERE object = 'leads' GROUP BY data->>'email' ORDER BY count(*) DESC LIMIT 1""",
                Long.class)).isEqualTo(1);
        JsonNode handEntered = http.getForObject("/sandbox/leads?email={email}", JsonNode.class, existing.get(1).get("email"))
                .get("results").get(0).get("fields");
        assertThat(handEntered.get("first_name").asText()).isNotEqualTo("entered by hand");
    }

    @Test
    void invoiceLinesArriveAsAJsonArrayAndAreSentWithTheirAmountsAndTotal() {
        runAndWait("accounts");
        JsonNode run = runAndWait("invoices");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(120);
        JsonNode invoice = sandboxFields("invoices", "SELECT target_id FROM link_tables.invoices WHERE source_id = '5'");
        List<Map<String, Object>> lines = jdbc.queryForList("""
                SELECT (l->>'sku') AS sku, (l->>'quantity')::int AS quantity, (l->>'unit_price')::int AS unit_price
                FROM warehouse.invoices, jsonb_array_elements(lines) AS l WHERE id = 5""");
        assertThat(invoice.get("lines").isArray()).isTrue();
        assertThat(invoice.get("lines")).hasSize(lines.size());
        int total = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode sent = invoice.get("lines").get(i);
            int amount = (int) lines.get(i).get("quantity") * (int) lines.get(i).get("unit_price");
            assertThat(sent.get("sku").asText()).isEqualTo(lines.get(i).get("sku"));
            assertThat(sent.get("amount").asInt()).isEqualTo(amount);
            total += amount;
        }
        assertThat(invoice.get("total").asInt()).isEqualTo(total);
        String account = jdbc.queryForObject("""
                SELECT la.target_id FROM warehouse.invoices i JOIN link_tables.accounts la ON la.source_id = i.company_id::text
                WHERE i.id = 5""", String.class);
        assertThat(invoice.get("company_id").asText()).isEqualTo(account);
    }

    private String leadOf(String stage) {
        return "SELECT target_id FROM link_tables.leads WHERE source_id = (SELECT min(id)::text FROM warehouse.contacts "
                + "WHERE lifecycle_stage = '" + stage + "')";
    }

    private JsonNode sandboxFields(String object, String targetIdQuery) {
        String targetId = jdbc.queryForObject(targetIdQuery, String.class);
        return http.getForObject("/sandbox/{object}/{id}", JsonNode.class, object, targetId).get("fields");
    }
}
