package io.writeback.run;

import io.writeback.cluster.ClusterNode;
import io.writeback.kernel.RunScope;
import io.writeback.link.LinkIntents;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The runs no node runs any more: at startup, those this node left open when it last stopped; and on every
 * heartbeat, those of the nodes that stopped or died. Their runs are closed as interrupted, their claims dropped,
 * and the inserts they sent without recording an outcome made pending links, for the next runs to recover. A run
 * of a whole sync that a dead node was carrying is run again here at once (trigger {@code recovery}), so that a
 * daily sync does not wait a day. A live node's runs are never touched; of the nodes that notice a death together,
 * only the one whose update closes a run runs it again.
 */
@Component
public class LeftoverRuns implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LeftoverRuns.class);

    /** The runs of a whole sync, which a recovery runs again; a replay or a one-record run is the operator's to redo. */
    private static final Set<String> WHOLE_SYNC = Set.of(Trigger.SCHEDULE.dbValue(), Trigger.API.dbValue(),
            Trigger.RESYNC.dbValue(), Trigger.GROUP.dbValue(), Trigger.RECOVERY.dbValue());

    private final RunLedger ledger;
    private final LinkIntents intents;
    private final ActiveRuns activeRuns;
    private final ClusterNode node;
    private final ObjectProvider<RunLauncher> launcher;

    public LeftoverRuns(RunLedger ledger, LinkIntents intents, ActiveRuns activeRuns, ClusterNode node,
            ObjectProvider<RunLauncher> launcher) {
        this.ledger = ledger;
        this.intents = intents;
        this.activeRuns = activeRuns;
        this.node = node;
        this.launcher = launcher;
    }

    @Override
    public void afterPropertiesSet() {
        close(List.of(node.id()), true, "Writeback stopped before the run ended");
        node.onHeartbeat(this::closeRunsOfDeadNodes);
    }

    void closeRunsOfDeadNodes() {
        List<String> dead = node.deadNodes();
        if (!dead.isEmpty()) {
            close(dead, false, "its node {node} stopped, or stopped answering, before the run ended").stream()
                    .filter(run -> WHOLE_SYNC.contains(run.trigger())).forEach(this::runAgain);
        }
    }

    /**
     * @param unrecorded with the runs of no node, queued before nodes were recorded: at this node's own start
     * @param reason     the error the closed runs record; {@code {node}} is the node of each
     */
    private List<RunLedger.Interrupted> close(List<String> stopped, boolean unrecorded, String reason) {
        List<RunLedger.Interrupted> runs = ledger.interruptRunsOf(stopped, unrecorded, reason);
        int claims = activeRuns.releaseAllOf(stopped);
        runs.forEach(run -> log.warn("Run {} of {}, left open by node {}, was marked interrupted", run.runId(), run.sync(),
                run.node()));
        if (claims > 0) {
            log.info("{} claim(s) of node(s) {} were dropped", claims, String.join(", ", stopped));
        }
        // Intents outlive only runs that ended without settling them: at a start, or once runs were closed here.
        if (unrecorded || !runs.isEmpty()) {
            int pending = intents.reclaimIntents(null);
            if (pending > 0) {
                log.warn("{} insert(s) were sent by a run that ended without recording their outcome; they are pending "
                        + "until their syncs' next runs recover them", pending);
            }
        }
        return runs;
    }

    private void runAgain(RunLedger.Interrupted run) {
        try {
            long again = launcher.getObject().launch(run.sync(), Trigger.RECOVERY, RunScope.ALL);
            log.warn("Sync {}: run {} takes over run {} of the dead node", run.sync(), again, run.runId());
        } catch (RuntimeException e) {
            log.warn("Sync {}: run {} of the dead node is not run again here: {}", run.sync(), run.runId(), e.getMessage());
        }
    }
}
