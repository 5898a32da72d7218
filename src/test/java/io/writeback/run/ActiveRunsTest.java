package io.writeback.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.cluster.ClusterNode;
import io.writeback.cluster.ClusterProperties;
import io.writeback.support.WritebackIntegrationTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Run claims in the state database, as two nodes on it take them. */
class ActiveRunsTest extends WritebackIntegrationTest {

    @Autowired
    TransactionTemplate transaction;

    private ActiveRuns nodeA;
    private ActiveRuns nodeB;

    @BeforeEach
    void twoNodes() {
        nodeA = new ActiveRuns(jdbc, transaction, node("node-a"));
        nodeB = new ActiveRuns(jdbc, transaction, node("node-b"));
    }

    @AfterEach
    void noClaimLeft() {
        jdbc.execute("TRUNCATE writeback.run_claims");
    }

    private ClusterNode node(String id) {
        return new ClusterNode(new ClusterProperties(id, null, null), jdbc, 0, "");
    }

    @Test
    void aSyncClaimedOnOneNodeIsRefusedOnAnotherNamingTheRunAndNode() {
        long claim = nodeA.claimAhead("companies", null).orElseThrow();
        nodeA.transfer("companies", claim, 7);

        assertThat(nodeB.claimAhead("companies", null)).isEmpty();
        assertThat(nodeB.claim("companies", 8)).isFalse();
        assertThat(new RunInProgressException("companies", nodeB.blocking("companies", null)).getMessage())
                .isEqualTo("sync 'companies' is already running (run 7 on node node-a)");
        assertThat(nodeB.running("companies")).contains(new ActiveRuns.Claim("companies", 7, "node-a"));
        assertThat(nodeB.all()).containsExactly(new ActiveRuns.Claim("companies", 7, "node-a"));

        nodeB.release("companies", 7);
        assertThat(nodeA.active("companies")).contains(7L);
        nodeA.release("companies", 7);
        assertThat(nodeB.claim("companies", 8)).isTrue();
    }

    @Test
    void awaitingASyncReturnsOnceItsRunOnAnotherNodeReleasesIt() throws Exception {
        assertThat(nodeA.claim("companies", 7)).isTrue();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                nodeB.awaitFree("companies");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(waiting).isNotDone();
        nodeA.release("companies", 7);

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(nodeB.claim("companies", 8)).isTrue();
    }

    @Test
    void aSyncIsNotClaimedWhileItsTwoWayPairRunsOnAnyNode() {
        long claim = nodeA.claimAhead("crm_to_erp", "erp_to_crm").orElseThrow();
        nodeA.transfer("crm_to_erp", claim, 7);

        assertThat(nodeB.claimAhead("erp_to_crm", "crm_to_erp")).isEmpty();
        assertThat(nodeB.blocking("erp_to_crm", "crm_to_erp")).isEqualTo(new ActiveRuns.Claim("crm_to_erp", 7, "node-a"));
        assertThat(nodeB.active("erp_to_crm")).isEmpty();
        assertThat(nodeB.claimAhead("contacts", null)).isPresent();

        nodeA.release("crm_to_erp", 7);
        assertThat(nodeB.claimAhead("erp_to_crm", "crm_to_erp")).isPresent();
    }

    @Test
    void aDeadNodesClaimsAreDroppedAndAGroupIsClaimedOnce() {
        assertThat(nodeA.claim("companies", 7)).isTrue();
        assertThat(nodeA.claimGroup("demo_nightly")).isTrue();
        assertThat(nodeB.claimGroup("demo_nightly")).isFalse();
        assertThat(nodeB.groupRunning("demo_nightly")).isTrue();

        assertThat(nodeB.releaseAllOf(List.of("node-a"))).isEqualTo(2);

        assertThat(nodeB.claim("companies", 8)).isTrue();
        assertThat(nodeB.claimGroup("demo_nightly")).isTrue();
    }
}
