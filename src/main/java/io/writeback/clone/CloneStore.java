package io.writeback.clone;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The clones ({@code writeback.clones}) and, when one goes, everything Writeback kept under its name. */
@Repository
class CloneStore {

    /** A clone's row; {@code loaded} is filled in by its service. */
    record StoredClone(String name, String original, String connection, String object, String file, String createdBy,
            Instant createdAt, Instant expiresAt) {

        CloneView view(boolean loaded) {
            return new CloneView(name, original, connection, object, createdBy, createdAt.atOffset(ZoneOffset.UTC),
                    expiresAt.atOffset(ZoneOffset.UTC), loaded, file);
        }
    }

    /** Tables holding a sync's state by its name, in a {@code sync} column. */
    private static final List<String> SYNC_STATE = List.of("links", "intents", "bookmarks", "dead_letters", "invalid_rows",
            "runs", "alert_states", "sync_audit");

    private static final RowMapper<StoredClone> CLONE = (rs, row) -> new StoredClone(rs.getString("name"),
            rs.getString("original"), rs.getString("connection"), rs.getString("object"), rs.getString("file"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant());

    private final JdbcTemplate jdbc;

    CloneStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(StoredClone clone) {
        jdbc.update("""
                INSERT INTO writeback.clones (name, original, connection, object, file, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", clone.name(), clone.original(), clone.connection(), clone.object(),
                clone.file(), clone.createdBy(), Timestamp.from(clone.createdAt()),
                Timestamp.from(clone.expiresAt()));
    }

    List<StoredClone> all() {
        return jdbc.query("SELECT * FROM writeback.clones ORDER BY created_at, name", CLONE);
    }

    Optional<StoredClone> find(String name) {
        return jdbc.query("SELECT * FROM writeback.clones WHERE name = ?", CLONE, name).stream().findFirst();
    }

    List<String> expiredAt(Instant now) {
        return jdbc.queryForList("SELECT name FROM writeback.clones WHERE expires_at <= ? ORDER BY name", String.class,
                Timestamp.from(now));
    }

    /** The source ids of the first {@code limit} records the clone has in its target, by source id. */
    List<String> delivered(String clone, int limit) {
        return jdbc.queryForList("""
                SELECT source_id FROM writeback.links WHERE sync = ? AND target_id IS NOT NULL
                ORDER BY source_id LIMIT ?""", String.class, clone, limit);
    }

    /**
     * Forgets the clone and its state: links, runs, bookmark, dead letters, pause, audit; and, when it delivered to
     * the sandbox, the sandbox's records of its object.
     */
    @Transactional
    void delete(StoredClone clone, boolean sandboxRecords) {
        for (String table : SYNC_STATE) {
            jdbc.update("DELETE FROM writeback." + table + " WHERE sync = ?", clone.name());
        }
        jdbc.update("DELETE FROM writeback.pauses WHERE kind = 'sync' AND name = ?", clone.name());
        if (sandboxRecords) {
            jdbc.update("DELETE FROM sandbox.records WHERE object = ?", clone.object());
        }
        jdbc.update("DELETE FROM writeback.clones WHERE name = ?", clone.name());
    }
}
