package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.FlakyStore;
import org.junit.jupiter.api.Test;

/**
 * A destination that creates, updates and looks up as asked and then resets the connection, for 40% of
 * all calls, lookups included: recovery by lookup (no idempotency key) must never create a record twice.
 */
class ResetAfterWriteTest extends CrmDestinationTest {

    private static final int ROWS = 400;

    @Test
    void everyRowEndsAsExactlyOneRecordAfterRunsThatKeepBeingReset() {
        jdbc.execute("CREATE TABLE crm_src.flaky (id int, name text); "
                + "INSERT INTO crm_src.flaky SELECT g, 'name ' || g FROM generate_series(1, " + ROWS + ") AS g");
        CRM.stubFor(any(urlPathMatching("/crm/v1/flaky.*")).willReturn(aResponse().withTransformers(FlakyStore.NAME)));
        FlakyStore.start(0.4, 20_000);

        int runsWithTrouble = 0;
        for (int run = 0; run < 6; run++) {
            JsonNode counts = runs.runAndWait("flaky").get("counts");
            runsWithTrouble += counts.get("failed").asLong() + counts.get("unknown").asLong() > 0 ? 1 : 0;
        }
        FlakyStore.stopResetting();
        JsonNode last = runs.runAndWait("flaky");

        assertThat(runsWithTrouble).as("runs in which resets left records unsettled").isPositive();
        assertThat(last.at("/counts/failed").asLong()).isZero();
        assertThat(FlakyStore.created()).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.links WHERE sync = 'flaky' AND status IN "
                + "('success', 'skipped-same-hash') AND target_id IS NOT NULL", Long.class)).isEqualTo(ROWS);
    }
}
