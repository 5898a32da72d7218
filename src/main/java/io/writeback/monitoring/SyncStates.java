package io.writeback.monitoring;

import io.writeback.run.RunLedger;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the state database says of every sync now, for the gauges: pending dead letters, links
 * waiting for an operator or a parent, when the last successful run ended, and the bookmark. Read in
 * four queries at most once every few seconds, however many gauges a scrape reads.
 */
@Component
class SyncStates {

    private static final long FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One sync's state; an absent entry is zero or none. */
    record State(long deadLettersPending, Map<String, Long> linksByStatus, OffsetDateTime lastSuccess, String bookmark) {
    }

    private final JdbcTemplate jdbc;
    private final RunLedger ledger;
    private volatile Map<String, State> states = Map.of();
    private volatile long readAt = Long.MIN_VALUE;

    SyncStates(JdbcTemplate jdbc, RunLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    State of(String sync) {
        return now().getOrDefault(sync, new State(0, Map.of(), null, null));
    }

    /** The next gauge reads the database afresh. */
    void forget() {
        readAt = Long.MIN_VALUE;
    }

    private synchronized Map<String, State> now() {
        if (readAt != Long.MIN_VALUE && System.nanoTime() - readAt < FRESH_FOR_NANOS) {
            return states;
        }
        Map<String, Long> deadLetters = new HashMap<>();
        jdbc.query("SELECT sync, count(*) AS n FROM writeback.dead_letters WHERE replay_state = 'pending' GROUP BY sync",
                (java.sql.ResultSet rs) -> {
                    deadLetters.put(rs.getString("sync"), rs.getLong("n"));
                });
        Map<String, Map<String, Long>> links = new HashMap<>();
        jdbc.query("""
                SELECT sync, status, count(*) AS n FROM writeback.links
                WHERE status IN ('pending', 'waiting', 'error') GROUP BY sync, status""", (java.sql.ResultSet rs) -> {
            links.computeIfAbsent(rs.getString("sync"), sync -> new HashMap<>()).put(rs.getString("status"), rs.getLong("n"));
        });
        Map<String, String> bookmarks = new HashMap<>();
        jdbc.query("SELECT sync, cursor_value FROM writeback.bookmarks", (java.sql.ResultSet rs) -> {
            bookmarks.put(rs.getString("sync"), rs.getString("cursor_value"));
        });
        Map<String, RunLedger.RunRecord> runs = ledger.records();
        Map<String, State> read = new HashMap<>();
        java.util.Set<String> syncs = new java.util.HashSet<>(deadLetters.keySet());
        syncs.addAll(links.keySet());
        syncs.addAll(bookmarks.keySet());
        syncs.addAll(runs.keySet());
        for (String sync : syncs) {
            RunLedger.RunRecord run = runs.get(sync);
            read.put(sync, new State(deadLetters.getOrDefault(sync, 0L), links.getOrDefault(sync, Map.of()),
                    run == null ? null : run.lastSuccess(), bookmarks.get(sync)));
        }
        states = read;
        readAt = System.nanoTime();
        return states;
    }
}
