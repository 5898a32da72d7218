package io.writeback.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActiveRunsTest {

    private final ActiveRuns activeRuns = new ActiveRuns();

    @Test
    void awaitingASyncReturnsOnceItsRunReleasesIt() throws Exception {
        assertThat(activeRuns.claim("companies", 7)).isTrue();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                activeRuns.awaitFree("companies");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(waiting).isNotDone();
        activeRuns.release("companies", 7);

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(activeRuns.claim("companies", 8)).isTrue();
    }

    @Test
    void aSyncIsNotClaimedWhileItsTwoWayPairRuns() {
        assertThat(activeRuns.claim("crm_to_erp", 7)).isTrue();

        assertThat(activeRuns.claimAhead("erp_to_crm", "crm_to_erp")).isEmpty();
        assertThat(activeRuns.busyOf("erp_to_crm", "crm_to_erp")).isEqualTo("crm_to_erp");
        assertThat(activeRuns.active("erp_to_crm")).isEmpty();
        assertThat(activeRuns.claimAhead("contacts", null)).isPresent();

        activeRuns.release("crm_to_erp", 7);
        assertThat(activeRuns.claimAhead("erp_to_crm", "crm_to_erp")).isPresent();
    }
}
