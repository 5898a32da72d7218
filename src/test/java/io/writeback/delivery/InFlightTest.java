package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.writeback.support.CrmDestinationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection that allows several calls in flight sends a chunk's records together, within its bound. */
class InFlightTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (5, 'E'), (6, 'F'), (7, 'G'), (8, 'H')");
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts")).atPriority(1)
                .willReturn(json(201, "{\"id\": \"{{jsonPath request.body '$.name'}}\"}").withFixedDelay(300)));
    }

    @Test
    void callsGoOutTogetherButNeverMoreThanMaxInFlight() {
        JsonNode run = runs.runAndWait("accounts_parallel");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(8);
        assertThat(jdbc.queryForList("SELECT target_id FROM writeback.links WHERE sync = 'accounts_parallel' ORDER BY source_id",
                String.class)).containsExactly("A", "B", "C", "D", "E", "F", "G", "H");
        int overlap = mostUnderWayAtOnce(CRM.getAllServeEvents());
        assertThat(overlap).isBetween(2, 4);
    }

    /** The most calls under way at one moment, from WireMock's log of when each came and how long it took. */
    private static int mostUnderWayAtOnce(List<ServeEvent> events) {
        List<long[]> moments = new ArrayList<>();
        for (ServeEvent event : events) {
            long start = event.getRequest().getLoggedDate().getTime();
            moments.add(new long[] {start, 1});
            moments.add(new long[] {start + event.getTiming().getTotalTime(), -1});
        }
        moments.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int most = 0;
        for (long[] moment : moments) {
            now += (int) moment[1];
            most = Math.max(most, now);
        }
        return most;
    }
}
