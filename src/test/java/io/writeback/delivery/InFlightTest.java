package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.HoldTogether;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection that allows several calls in flight sends a chunk's records together, within its bound. */
class InFlightTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (5, 'E'), (6, 'F'), (7, 'G'), (8, 'H')");
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts")).atPriority(1)
                .willReturn(json(201, "{\"id\": \"{{jsonPath request.body '$.name'}}\"}").withTransformers(HoldTogether.NAME)));
    }

    @Test
    void callsGoOutTogetherButNeverMoreThanMaxInFlight() {
        // The CRM holds each create until four are under way together: the connection's max-in-flight.
        HoldTogether.expect(4);

        JsonNode run = runs.runAndWait("accounts_parallel");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(8);
        assertThat(jdbc.queryForList("SELECT target_id FROM writeback.links WHERE sync = 'accounts_parallel' ORDER BY source_id",
                String.class)).containsExactly("A", "B", "C", "D", "E", "F", "G", "H");
        assertThat(HoldTogether.mostAtOnce()).isEqualTo(4);
    }
}
