package io.writeback.run;

import io.writeback.group.GroupOptions;
import io.writeback.kernel.Stage;
import java.util.Optional;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code writeback:group}: runs its syncs one after the other, each to its end, in the order listed,
 * so that parents are in the target before the children that refer to them. A sync already running
 * is waited for, then run again; a sync whose run fails does not stop the ones after it (their records
 * that need it wait), nor does a paused sync, which is skipped. A group runs once at a time: a scheduled
 * run that finds it running, or paused, is skipped.
 */
@Component
public class GroupStage implements Stage<GroupOptions> {

    private static final Logger log = LoggerFactory.getLogger(GroupStage.class);
    // Lazily: the launcher needs the Camel context, which is built with this stage's component.
    private final ObjectProvider<RunLauncher> launcher;
    private final ActiveRuns activeRuns;
    private final Pauses pauses;
    private final Schedules schedules;

    public GroupStage(ObjectProvider<RunLauncher> launcher, ActiveRuns activeRuns, Pauses pauses, Schedules schedules) {
        this.schedules = schedules;
        this.launcher = launcher;
        this.activeRuns = activeRuns;
        this.pauses = pauses;
    }

    @Override
    public String name() {
        return GroupOptions.STAGE;
    }

    @Override
    public Processor processor(GroupOptions options) {
        return exchange -> {
            String group = exchange.getFromRouteId();
            boolean claimed = Boolean.TRUE.equals(exchange.getMessage().getHeader(RunHeaders.GROUP_CLAIMED, Boolean.class));
            if (!claimed && schedules.suppressed(exchange)) {
                return;
            }
            if (!claimed) {
                Optional<Pauses.Pause> pause = pauses.of(Pauses.Kind.GROUP, group);
                if (pause.isPresent()) {
                    log.info("Group {}: a scheduled run was skipped: the group is paused {}", group, pause.get().describe());
                    return;
                }
                if (!activeRuns.claimGroup(group)) {
                    log.warn("Group {}: a scheduled run was skipped because the group's last run is still going", group);
                    return;
                }
            }
            try {
                log.info("Group {}: running {}", group, String.join(", then ", options.syncs()));
                for (String sync : options.syncs()) {
                    try {
                        long runId = runWhenFree(group, sync);
                        log.info("Group {}: sync {} ended its run {}", group, sync, runId);
                    } catch (PausedException e) {
                        log.info("Group {}: skipped: {}", group, e.getMessage());
                    }
                }
            } finally {
                activeRuns.releaseGroup(group);
            }
        };
    }

    private long runWhenFree(String group, String sync) throws InterruptedException {
        boolean told = false;
        while (true) {
            try {
                return launcher.getObject().runNow(sync, Trigger.GROUP);
            } catch (RunInProgressException e) {
                if (!told) {
                    log.info("Group {}: waiting for the run of {} under way to end", group, sync);
                    told = true;
                }
                activeRuns.awaitFree(e.busySync());
            }
        }
    }
}
