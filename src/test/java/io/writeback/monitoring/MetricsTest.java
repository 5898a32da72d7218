package io.writeback.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** {@code /actuator/prometheus} after the demo's runs: the counts and tags an operator's dashboards read. */
class MetricsTest extends WritebackIntegrationTest {

    @Autowired
    SyncStates states;

    @Test
    void runsRowsCallsAndStatesAreCountedByTheirTags() {
        Map<String, Double> before = scrape();

        runAndWait("companies");
        runAndWait("contacts");
        jdbc.update("INSERT INTO writeback.links (sync, source_id, status, intent_key, attempts) VALUES ('contacts', '9999', 'pending', 'k', 0)");
        states.forget();
        Map<String, Double> after = scrape();

        assertThat(delta(before, after, "writeback_runs_total{status=\"succeeded\",sync=\"companies\",trigger=\"api\"}")).isEqualTo(1);
        assertThat(delta(before, after, "writeback_rows_total{outcome=\"inserted\",sync=\"contacts\"}")).isEqualTo(300);
        assertThat(delta(before, after, "writeback_rows_read_total{sync=\"contacts\"}")).isEqualTo(300);
        // 60 companies in one bulk call, 300 contacts in three.
        assertThat(delta(before, after, "writeback_http_calls_total{connection=\"sandbox\",method=\"POST\",outcome=\"2xx\"}"))
                .isEqualTo(4);
        assertThat(delta(before, after, "writeback_run_duration_seconds_count{status=\"succeeded\",sync=\"contacts\"}")).isEqualTo(1);
        assertThat(after).containsEntry("writeback_dead_letters_pending{sync=\"contacts\"}", 0.0)
                .containsEntry("writeback_records{status=\"pending\",sync=\"contacts\"}", 1.0)
                .containsEntry("writeback_records{status=\"waiting\",sync=\"contacts\"}", 0.0);
        assertThat(after.get("writeback_last_success_age_seconds{sync=\"companies\"}")).isNotNaN().isNotNegative();
        assertThat(after.keySet()).anyMatch(name -> name.startsWith("camel_exchanges_total{") && name.contains("routeId=\"companies\""));
    }

    @Test
    void prometheusIsForViewersAndUp() {
        assertThat(anonymous.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestUsers.VIEWER.on(anonymous).getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        assertThat(after).containsKey(series);
        return after.get(series) - before.getOrDefault(series, 0.0);
    }

    /** Every series of the scrape, {@code name{labels}} to value. */
    private Map<String, Double> scrape() {
        Map<String, Double> series = new HashMap<>();
        for (String line : TestUsers.VIEWER.on(anonymous).getForObject("/actuator/prometheus", String.class).split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return series;
    }
}
