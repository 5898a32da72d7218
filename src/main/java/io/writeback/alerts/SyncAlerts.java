package io.writeback.alerts;

import io.writeback.deadletter.DeadLetters;
import io.writeback.monitoring.SyncHealth;
import io.writeback.run.RunEnded;
import io.writeback.run.RunView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells operators when a sync's state changes, once per change, not once per run: a run failed,
 * completed with more failed records than allowed, or left inserts of unknown outcome; the sync went
 * stale (no successful run within its health threshold); it recovered. The state told last is kept in
 * the state database, so a restart does not tell it again. Alerts go out on a thread of their own.
 */
@Component
class SyncAlerts implements SmartInitializingSingleton, DisposableBean {

    static final String OK = "ok";

    private final AlertProperties properties;
    private final AlertSender sender;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final SyncHealth health;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread alerts = new Thread(runnable, "writeback-alerts");
        alerts.setDaemon(true);
        return alerts;
    });

    SyncAlerts(AlertProperties properties, AlertSender sender, JdbcTemplate jdbc, DeadLetters deadLetters, SyncHealth health) {
        this.properties = properties;
        this.sender = sender;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.health = health;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.any()) {
            long every = properties.staleCheck().toMillis();
            thread.scheduleWithFixedDelay(this::checkStale, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @EventListener
    void runEnded(RunEnded ended) {
        if (properties.any()) {
            thread.execute(() -> afterRun(ended.run()));
        }
    }

    /** What a run says of its sync's state; an alert if that is a change. */
    void afterRun(RunView run) {
        String state = switch (run.status()) {
            case "failed" -> "failed";
            case "completed_with_errors" -> run.counts().failed() > properties.failedAbove() ? "errors"
                    : run.counts().unknown() > 0 ? "unknown" : OK;
            default -> run.counts().unknown() > 0 ? "unknown" : OK;
        };
        changeTo(run.sync(), state, run);
    }

    /** Syncs that went stale since the last check: an alert each. */
    void checkStale() {
        health.all().forEach((sync, state) -> {
            if ("stale".equals(state.state())) {
                changeTo(sync, "stale", null);
            }
        });
    }

    private synchronized void changeTo(String sync, String state, RunView run) {
        Optional<String> previous = jdbc.queryForList("SELECT state FROM writeback.alert_states WHERE sync = ?", String.class, sync)
                .stream().findFirst();
        if (previous.orElse(OK).equals(state)) {
            if (previous.isEmpty()) {
                remember(sync, state);
            }
            return;
        }
        remember(sync, state);
        sender.send(new Alert(sync, state, previous.orElse(OK), run == null ? null : run.id(), counts(run), errors(run),
                properties.link() + (run == null ? "/api/syncs/" + sync : "/api/runs/" + run.id())));
    }

    private void remember(String sync, String state) {
        jdbc.update("""
                INSERT INTO writeback.alert_states (sync, state) VALUES (?, ?)
                ON CONFLICT (sync) DO UPDATE SET state = EXCLUDED.state, since = now()""", sync, state);
    }

    private static Map<String, Long> counts(RunView run) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (run != null) {
            counts.put("read", run.counts().rowsRead());
            counts.put("inserted", run.counts().inserted());
            counts.put("updated", run.counts().updated());
            counts.put("failed", run.counts().failed());
            counts.put("unknown", run.counts().unknown());
        }
        return counts;
    }

    private List<String> errors(RunView run) {
        if (run == null) {
            return List.of();
        }
        List<String> errors = new java.util.ArrayList<>();
        if (run.error() != null) {
            errors.add(run.error());
        }
        errors.addAll(deadLetters.firstErrors(run.id(), 3));
        return errors;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
