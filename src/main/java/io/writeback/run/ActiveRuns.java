package io.writeback.run;

import io.writeback.cluster.ClusterNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At most one run per sync, and one run of each group, at a time across every node on the state database: claims
 * are rows of {@code writeback.run_claims}, taken by an insert that fails when another holds the name, and
 * dropped when the run ends or its node dies ({@link DeadNodeRuns}).
 */
@Component
public class ActiveRuns {

    /** A claim: the sync whose run holds it (the claimed sync, or its pair), the run (negative before it has an id), its node. */
    public record Claim(String sync, long runId, String node) {
    }

    private static final String SYNC = "sync";
    private static final String GROUP = "group";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String node;
    private final AtomicLong placeholders = new AtomicLong();

    public ActiveRuns(JdbcTemplate jdbc, TransactionTemplate transaction, ClusterNode node) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.node = node.id();
    }

    /** Claims the sync for {@code runId}; false when another run holds it (or true when this one already does). */
    public boolean claim(String sync, long runId) {
        return held(sync).map(claim -> claim.runId() == runId && claim.sync().equals(sync))
                .orElseGet(() -> insert(SYNC, List.of(sync), sync, runId));
    }

    /**
     * Claims the sync (and its two-way {@code pair}, null: none) for the queued run {@code runId}; false when another
     * run holds either.
     */
    public boolean claim(String sync, String pair, long runId) {
        return insert(SYNC, pair == null ? List.of(sync) : List.of(sync, pair), sync, runId);
    }

    /**
     * Claims the sync for a run that has no id yet, under a placeholder that {@link #transfer} later
     * replaces with the run's id; empty when another run holds the sync, or its two-way {@code pair}
     * (null: none): the two halves of a pair never run at once.
     */
    public OptionalLong claimAhead(String sync, String pair) {
        long placeholder = -placeholders.incrementAndGet();
        return insert(SYNC, pair == null ? List.of(sync) : List.of(sync, pair), sync, placeholder)
                ? OptionalLong.of(placeholder) : OptionalLong.empty();
    }

    /**
     * The claim that refused a run of {@code sync} with its {@code pair} (null: none): the sync's own, or its pair's;
     * one with run 0 when it has ended since.
     */
    public Claim blocking(String sync, String pair) {
        return held(sync).or(() -> pair == null ? Optional.empty() : held(pair)).orElse(new Claim(sync, 0, node));
    }

    /** Hands the claim of a run that had no id yet to the id it now has. */
    public void transfer(String sync, long claimId, long runId) {
        jdbc.update("UPDATE writeback.run_claims SET run_id = ? WHERE kind = 'sync' AND holder = ? AND run_id = ? AND node = ?",
                runId, sync, claimId, node);
    }

    /** The run of {@code sync} going now, on any node (negative while it is being queued). */
    public Optional<Long> active(String sync) {
        return held(sync).filter(claim -> claim.sync().equals(sync)).map(Claim::runId);
    }

    /** The claim of the run of {@code sync} going now, once it has an id. */
    public Optional<Claim> running(String sync) {
        return held(sync).filter(claim -> claim.sync().equals(sync) && claim.runId() > 0);
    }

    /** @throws RunInProgressException while a run of {@code sync} goes on, on any node */
    public void refuseIfRunning(String sync) {
        held(sync).filter(claim -> claim.sync().equals(sync)).ifPresent(claim -> {
            throw new RunInProgressException(sync, claim);
        });
    }

    /** The claim on {@code sync}: its own run's, or its pair's. */
    public Optional<Claim> held(String sync) {
        return jdbc.query("SELECT holder, run_id, node FROM writeback.run_claims WHERE kind = 'sync' AND name = ?",
                (rs, row) -> new Claim(rs.getString("holder"), rs.getLong("run_id"), rs.getString("node")), sync)
                .stream().findFirst();
    }

    /** The runs going now on every node, each under its sync, by sync. */
    public List<Claim> all() {
        return jdbc.query("""
                SELECT holder, run_id, node FROM writeback.run_claims WHERE kind = 'sync' AND name = holder AND run_id > 0
                ORDER BY holder""", (rs, row) -> new Claim(rs.getString("holder"), rs.getLong("run_id"), rs.getString("node")));
    }

    public void release(String sync, long runId) {
        if (jdbc.update("DELETE FROM writeback.run_claims WHERE kind = 'sync' AND holder = ? AND run_id = ? AND node = ?",
                sync, runId, node) > 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Drops every claim of {@code nodes}, which stopped or died; answers how many. */
    public int releaseAllOf(List<String> nodes) {
        return jdbc.update(connection -> {
            var statement = connection.prepareStatement("DELETE FROM writeback.run_claims WHERE node = ANY (?)");
            statement.setArray(1, connection.createArrayOf("text", nodes.toArray()));
            return statement;
        });
    }

    /** Claims {@code group} for a run of its syncs; false when one is under way on any node. */
    public boolean claimGroup(String group) {
        return insert(GROUP, List.of(group), group, 0);
    }

    public boolean groupRunning(String group) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM writeback.run_claims WHERE kind = 'group' AND name = ?)", Boolean.class, group));
    }

    public void releaseGroup(String group) {
        jdbc.update("DELETE FROM writeback.run_claims WHERE kind = 'group' AND name = ? AND node = ?", group, node);
    }

    /**
     * Waits until no run holds {@code sync}; another may claim it first, so callers claim, then wait again. A run on
     * another node ends without a word to this one: the claim is looked at again every second.
     */
    public synchronized void awaitFree(String sync) throws InterruptedException {
        while (held(sync).isPresent()) {
            wait(1000);
        }
    }

    /** Inserts a claim on every one of {@code names} for {@code holder}, all or none. */
    private boolean insert(String kind, List<String> names, String holder, long runId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int claimed = 0;
            for (String name : names) {
                claimed += jdbc.update("""
                        INSERT INTO writeback.run_claims (kind, name, holder, run_id, node) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (kind, name) DO NOTHING""", kind, name, holder, runId, node);
            }
            if (claimed < names.size()) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }
}
