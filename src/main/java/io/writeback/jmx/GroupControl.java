package io.writeback.jmx;

import io.writeback.run.ActiveRuns;
import io.writeback.run.Pauses;
import io.writeback.run.SyncOperations;
import java.util.List;

/** One group's MBean, acting through {@link SyncOperations}. */
final class GroupControl implements GroupControlMBean {

    private final String group;
    private final List<String> syncs;
    private final SyncOperations operations;
    private final Pauses pauses;
    private final ActiveRuns activeRuns;

    GroupControl(String group, List<String> syncs, SyncOperations operations, Pauses pauses, ActiveRuns activeRuns) {
        this.group = group;
        this.syncs = syncs;
        this.operations = operations;
        this.pauses = pauses;
        this.activeRuns = activeRuns;
    }

    @Override
    public String getSyncs() {
        return String.join(", ", syncs);
    }

    @Override
    public boolean isRunning() {
        return activeRuns.groupRunning(group);
    }

    @Override
    public String getPaused() {
        return pauses.of(Pauses.Kind.GROUP, group).map(Pauses.Pause::describe).orElse("");
    }

    @Override
    public String runNow() {
        return Operators.refusing(() -> {
            operations.runGroup(group);
            return "started";
        });
    }

    @Override
    public String pause(String reason) {
        return Operators.refusing(() -> "paused " + operations.pause(Pauses.Kind.GROUP, group, Operators.current(), reason)
                .describe());
    }

    @Override
    public String resume() {
        return Operators.refusing(() -> operations.resume(Pauses.Kind.GROUP, group, Operators.current()) ? "resumed" : "was not paused");
    }
}
