package io.writeback.api;

import io.writeback.cluster.ClusterNode;
import io.writeback.run.ActiveRuns;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Writeback instances on this state database, and what each runs now (viewers). */
@RestController
class ClusterController {

    private final ClusterNode node;
    private final ActiveRuns activeRuns;

    ClusterController(ClusterNode node, ActiveRuns activeRuns) {
        this.node = node;
        this.activeRuns = activeRuns;
    }

    /**
     * The cluster as any of its nodes sees it: the node answering, how many live nodes it shares each connection's
     * limits with (as of its last heartbeat), every node with its heartbeat, and the runs going on every node.
     */
    record Cluster(String node, int liveNodes, List<ClusterNode.NodeView> nodes, List<ActiveRuns.Claim> running) {
    }

    @GetMapping("/api/cluster")
    Cluster cluster() {
        return new Cluster(node.id(), node.liveNodes(), node.nodes(), activeRuns.all());
    }
}
