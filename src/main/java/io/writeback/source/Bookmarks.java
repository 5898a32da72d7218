package io.writeback.source;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The high-watermark of each incremental sync, kept in the text form of its cursor column. */
@Repository
public class Bookmarks {

    private final JdbcTemplate jdbc;

    public Bookmarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> of(String sync) {
        return jdbc.queryForList("SELECT cursor_value FROM writeback.bookmarks WHERE sync = ?", String.class, sync)
                .stream().findFirst();
    }

    public void reset(String sync) {
        jdbc.update("DELETE FROM writeback.bookmarks WHERE sync = ?", sync);
    }

    public void advance(String sync, String cursorValue, long runId) {
        jdbc.update("""
                INSERT INTO writeback.bookmarks (sync, cursor_value, run_id) VALUES (?, ?, ?)
                ON CONFLICT (sync) DO UPDATE SET cursor_value = EXCLUDED.cursor_value, run_id = EXCLUDED.run_id,
                                                 updated_at = now()""", sync, cursorValue, runId);
    }
}
