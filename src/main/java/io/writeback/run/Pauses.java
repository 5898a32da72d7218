package io.writeback.run;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The syncs and groups an operator paused, kept in the state database so that a pause outlives a
 * restart. A paused sync is not run by its schedule, by a group, or on demand; a paused group's
 * schedule and run-now do nothing.
 */
@Repository
public class Pauses {

    /** What is paused. */
    public enum Kind {
        SYNC, GROUP;

        String dbValue() {
            return name().toLowerCase();
        }
    }

    /** Who paused it, why (may be null) and when. */
    public record Pause(String by, String reason, OffsetDateTime since) {

        /** "by alice since 2026-11-30T10:00Z: migrating the CRM". */
        public String describe() {
            return "by " + by + " since " + since + (reason == null || reason.isBlank() ? "" : ": " + reason);
        }
    }

    private static final RowMapper<Pause> PAUSE = (rs, row) -> new Pause(rs.getString("paused_by"), rs.getString("reason"),
            rs.getObject("paused_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    public Pauses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Pause> of(Kind kind, String name) {
        return jdbc.query("SELECT paused_by, reason, paused_at FROM writeback.pauses WHERE kind = ? AND name = ?", PAUSE,
                kind.dbValue(), name).stream().findFirst();
    }

    /** Pauses {@code name} (again: the newest pause wins); the pause as kept. */
    public Pause pause(Kind kind, String name, String by, String reason) {
        return jdbc.queryForObject("""
                INSERT INTO writeback.pauses (kind, name, paused_by, reason) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, name) DO UPDATE SET paused_by = EXCLUDED.paused_by, reason = EXCLUDED.reason, paused_at = now()
                RETURNING paused_by, reason, paused_at""", PAUSE, kind.dbValue(), name, by, reason);
    }

    /** Resumes {@code name}; false when it was not paused. */
    public boolean resume(Kind kind, String name) {
        return jdbc.update("DELETE FROM writeback.pauses WHERE kind = ? AND name = ?", kind.dbValue(), name) == 1;
    }

    /** Every pause of that kind, by name. */
    public Map<String, Pause> all(Kind kind) {
        Map<String, Pause> pauses = new HashMap<>();
        jdbc.query("SELECT name, paused_by, reason, paused_at FROM writeback.pauses WHERE kind = ?",
                (java.sql.ResultSet rs) -> {
                    pauses.put(rs.getString("name"), PAUSE.mapRow(rs, 0));
                }, kind.dbValue());
        return pauses;
    }
}
