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
 * last recorded version is recorded again, with its hash and time.
 */
@Component
public class SyncVersions implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SyncVersions.class);

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
                jdbc.update("INSERT INTO writeback.sync_versions (sync, file, content, hash, note) VALUES (?, ?, ?, ?, ?)",
                        sync.name(), sync.file().toString(), content, hash,
                        last.isEmpty() ? "first seen" : "changed since the last start");
                log.info("Sync {}: new version {} recorded from {}", sync.name(), hash.substring(0, 12), sync.file());
            }
        }
    }

    private static String read(SyncDefinition sync) {
        try {
            return Files.readString(sync.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + sync.file(), e);
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
