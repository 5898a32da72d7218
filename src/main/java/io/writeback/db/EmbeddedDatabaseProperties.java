package io.writeback.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no database URL is configured.
 *
 * @param dataDir where the cluster lives; it survives restarts unless {@code clean} is set
 * @param clean   wipe the data directory at startup (tests)
 * @param port    fixed port, or 0 for any free port
 */
@ConfigurationProperties("writeback.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, boolean clean, int port) {

    public EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
    }
}
