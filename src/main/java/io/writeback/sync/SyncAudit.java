package io.writeback.sync;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What operators did to a sync through Writeback (paused, resumed, seeded its links, forgot links), with
 * who and why: the audit trail beside the versions of its file.
 */
@Repository
public class SyncAudit {

    /** One thing done. */
    public record Event(String action, String author, String note, OffsetDateTime at) {
    }

    private final JdbcTemplate jdbc;

    public SyncAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String sync, String action, String author, String note) {
        jdbc.update("INSERT INTO writeback.sync_audit (sync, action, author, note) VALUES (?, ?, ?, ?)", sync, action, author, note);
    }

    /** The sync's events, newest first. */
    public List<Event> of(String sync) {
        return jdbc.query("SELECT action, author, note, at FROM writeback.sync_audit WHERE sync = ? ORDER BY id DESC",
                (rs, row) -> new Event(rs.getString("action"), rs.getString("author"), rs.getString("note"),
                        rs.getObject("at", OffsetDateTime.class)), sync);
    }
}
