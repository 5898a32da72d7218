package io.writeback.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.kernel.SyncRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Source rows a run could not send, with the reason, for the people who fix the source. */
@Repository
public class InvalidRows {

    /** Rows kept per run; a source gone wrong must not fill the database. The run counts them all. */
    public static final int KEPT_PER_RUN = 1_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public InvalidRows(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String sync, long runId, List<SyncRecord> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO writeback.invalid_rows (sync, run_id, source_id, reason, row_data)
                VALUES (?, ?, ?, ?, ?::jsonb)""", rows, rows.size(), (ps, row) -> {
            ps.setString(1, sync);
            ps.setLong(2, runId);
            ps.setString(3, row.sourceId());
            ps.setString(4, row.reason());
            ps.setString(5, toJson(row.row()));
        });
    }

    public List<InvalidRow> ofRun(long runId, int limit) {
        return jdbc.query("""
                SELECT source_id, reason, row_data::text, found_at FROM writeback.invalid_rows
                WHERE run_id = ? ORDER BY id LIMIT ?""", (rs, i) -> new InvalidRow(rs.getString(1), rs.getString(2),
                readJson(rs.getString(3)), rs.getObject(4, OffsetDateTime.class)), runId, limit);
    }

    private JsonNode readJson(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invalid_rows holds unreadable JSON", e);
        }
    }

    /** A source row that was not sent, and why. */
    public record InvalidRow(String sourceId, String reason, JsonNode row, OffsetDateTime foundAt) {
    }

    private String toJson(Map<String, Object> row) {
        try {
            return json.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
