package io.writeback.deadletter;

import io.writeback.destination.DeliveryResult;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Keeps every record that failed: the request sent and what came back, for inspection and replay. */
@Repository
public class DeadLetters {

    private final JdbcTemplate jdbc;

    public DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String sync, long runId, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO writeback.dead_letters (sync, run_id, source_id, action, request_method, request_url,
                                                    request_body, response_status, response_body, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", letters, letters.size(), (ps, letter) -> {
            DeliveryResult call = letter.call();
            ps.setString(1, sync);
            ps.setLong(2, runId);
            ps.setString(3, letter.sourceId());
            ps.setString(4, letter.action());
            ps.setString(5, call.method());
            ps.setString(6, call.url());
            ps.setString(7, call.requestBody());
            ps.setObject(8, call.status() == 0 ? null : call.status());
            ps.setString(9, call.responseBody());
            ps.setString(10, call.error());
        });
    }

    /** A failed record: its source id, the action tried, and the call that failed. */
    public record DeadLetter(String sourceId, String action, DeliveryResult call) {
    }
}
