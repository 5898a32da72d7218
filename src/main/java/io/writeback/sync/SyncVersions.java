package io.writeback.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the history of every sync's definition: at startup, a sync file whose text differs from the
 * last recorded version is recorded again, with its hash and time, and its note and author: the
 * file's {@code # note:} comment, else the git commit that last touched it ({@link FileOrigin}).
 */
@Component
public class SyncVersions implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SyncVersions.class);

    private static final String VERSIONS = "FROM writeback.sync_versions";

    private static final org.springframework.jdbc.core.RowMapper<Version> VERSION = (rs, row) -> new Version(rs.getLong("id"),
            rs.getString("hash"), rs.getString("file"), rs.getString("note"), rs.getString("author"), rs.getString("commit_id"),
            rs.getObject("recorded_at", java.time.OffsetDateTime.class), rs.getString("content"));

    private final SyncCatalog catalog;
    private final JdbcTemplate jdbc;

    public SyncVersions(SyncCatalog catalog, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        for (SyncDefinition sync : catalog.all()) {
            String content = read(sync);
            String hash = sha256(content);
            List<String> last = jdbc.queryForList(
                    "SELECT hash FROM writeback.sync_versions WHERE sync = ? ORDER BY id DESC LIMIT 1", String.class, sync.name());
            if (last.isEmpty() || !last.get(0).equals(hash)) {
                FileOrigin origin = FileOrigin.of(sync.file(), content);
                String note = origin.note() != null ? origin.note() : last.isEmpty() ? "first seen" : "changed since the last start";
                jdbc.update("""
                        INSERT INTO writeback.sync_versions (sync, file, content, hash, note, author, commit_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", sync.name(), sync.file().toString(), content, hash, note,
                        origin.author(), origin.commit());
                log.info("Sync {}: new version {} recorded from {}", sync.name(), hash.substring(0, 12), sync.file());
            }
        }
    }

    /** One recorded version of a sync file; {@code content} only when asked for. */
    public record Version(long id, String hash, String file, String note, String author, String commit,
            java.time.OffsetDateTime recordedAt, String content) {
    }

    /** The versions of {@code sync}, newest first, without their content. */
    public List<Version> of(String sync) {
        return jdbc.query("SELECT id, hash, file, note, author, commit_id, recorded_at, NULL AS content " + VERSIONS
                + " WHERE sync = ? ORDER BY id DESC", VERSION, sync);
    }

    /** One version of {@code sync}, with its content. */
    public java.util.Optional<Version> find(String sync, long id) {
        return jdbc.query("SELECT id, hash, file, note, author, commit_id, recorded_at, content " + VERSIONS
                + " WHERE sync = ? AND id = ?", VERSION, sync, id).stream().findFirst();
    }

    private static String read(SyncDefinition sync) {
        try {
            return Files.readString(sync.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + sync.file(), e);
        }
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
