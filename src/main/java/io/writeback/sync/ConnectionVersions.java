package io.writeback.sync;

import io.writeback.connection.ConnectionSettingsText;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the history of every connection's settings, without secrets ({@link ConnectionSettingsText}): at
 * startup, a connection whose settings differ from the last recorded version is recorded again.
 */
@Component
public class ConnectionVersions implements InitializingBean {

    /** One recorded version of a connection's settings. */
    public record Version(long id, String hash, String content, OffsetDateTime recordedAt) {
    }

    private final ConfigurableEnvironment environment;
    private final JdbcTemplate jdbc;

    public ConnectionVersions(ConfigurableEnvironment environment, JdbcTemplate jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        ConnectionSettingsText.of(environment).forEach((connection, content) -> {
            String hash = SyncVersions.sha256(content);
            List<String> last = jdbc.queryForList(
                    "SELECT hash FROM writeback.connection_versions WHERE connection = ? ORDER BY id DESC LIMIT 1", String.class,
                    connection);
            if (last.isEmpty() || !last.get(0).equals(hash)) {
                jdbc.update("INSERT INTO writeback.connection_versions (connection, content, hash) VALUES (?, ?, ?)", connection,
                        content, hash);
            }
        });
    }

    /** The versions of {@code connection}, newest first. */
    public List<Version> of(String connection) {
        return jdbc.query("""
                SELECT id, hash, content, recorded_at FROM writeback.connection_versions WHERE connection = ? ORDER BY id DESC""",
                (rs, row) -> new Version(rs.getLong("id"), rs.getString("hash"), rs.getString("content"),
                        rs.getObject("recorded_at", OffsetDateTime.class)), connection);
    }
}
