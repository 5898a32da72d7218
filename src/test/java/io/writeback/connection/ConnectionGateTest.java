package io.writeback.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.kernel.ClusterSize;
import io.writeback.support.ControlledTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The gate's windows and pauses, on a clock that moves only when the gate waits. */
class ConnectionGateTest {

    private final ControlledTime time = new ControlledTime(Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void aWindowsWorthOfCallsGoAtOnceAndTheNextWaitsForTheFirstToLeaveIt() {
        ConnectionGate gate = new ConnectionGate(new RateLimit(5, Duration.ofSeconds(1)), time, ClusterSize.ALONE);

        for (int call = 0; call < 5; call++) {
            gate.answered(gate.acquire());
        }
        assertThat(time.waits()).isEmpty();

        gate.answered(gate.acquire());
        // The window is widened by its margin (50 ms at least) so that the destination never counts one too many.
        assertThat(time.waits()).containsExactly(Duration.ofMillis(1050));
    }

    @Test
    void callsSpreadOverTheWindowWaitOnlyForTheOldestOne() {
        ConnectionGate gate = new ConnectionGate(new RateLimit(2, Duration.ofSeconds(10)), time, ClusterSize.ALONE);

        gate.answered(gate.acquire());
        time.waitFor(Duration.ofSeconds(4));
        gate.answered(gate.acquire());
        time.forgetWaits();

        gate.answered(gate.acquire());
        // The first call leaves the widened window (10.2 s) 6.2 s after the second went.
        assertThat(time.waits()).containsExactly(Duration.ofMillis(6200));
    }

    @Test
    void eachLiveNodeTakesItsShareOfTheLimitAndTheShareFollowsTheCluster() {
        int[] nodes = {3};
        ConnectionGate gate = new ConnectionGate(new RateLimit(10, Duration.ofSeconds(1)), time, () -> nodes[0]);

        for (int call = 0; call < 3; call++) {
            gate.answered(gate.acquire());
        }
        assertThat(time.waits()).isEmpty();
        assertThat(gate.state()).isEqualTo("3 of 3 calls in the last PT1S (this node's share of 10, with 3 nodes)");
        gate.answered(gate.acquire());
        assertThat(time.waits()).hasSize(1);

        nodes[0] = 2;
        time.forgetWaits();
        gate.answered(gate.acquire());
        assertThat(time.waits()).isEmpty();
        assertThat(gate.state()).startsWith("2 of 5 calls");
    }

    @Test
    void aCallCountsUntilItsAnswerAndItsWindowRunsFromTheAnswer() {
        ConnectionGate gate = new ConnectionGate(new RateLimit(1, Duration.ofSeconds(1)), time, ClusterSize.ALONE);

        ConnectionGate.Call slow = gate.acquire();
        time.waitFor(Duration.ofSeconds(3));
        gate.answered(slow);
        time.forgetWaits();
        gate.answered(gate.acquire());

        // Sent at once but answered 3 s later: the destination may have seen it at any moment until then.
        assertThat(time.waits()).containsExactly(Duration.ofMillis(1050));
    }

    @Test
    void aPauseHoldsCallsUntilItEndsAndAShorterOneDoesNotCutItShort() {
        ConnectionGate gate = new ConnectionGate(null, time, ClusterSize.ALONE);
        Instant start = time.instant();

        gate.pauseUntil(start.plusSeconds(3));
        gate.pauseUntil(start.plusSeconds(1));
        gate.answered(gate.acquire());

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
        gate.answered(gate.acquire());
        assertThat(time.waits()).hasSize(1);
    }
}
