package io.writeback.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no database URL is configured.
 *
 * @param dataDir where the cluster lives; it survives restarts unless {@code clean} is set
 * @param clean   wipe the data directory (and its passwords) at startup (tests)
 * @param port    fixed port, or 0 for any free port
 */
@ConfigurationProperties("writeback.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, boolean clean, int port) {

    public EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
    }

    /** The password of Writeback's role, beside the data directory: {@code data/postgres-password}. */
    public Path passwordFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + "-password");
    }

    /** The superuser's password: {@code data/postgres-superuser-password}. */
    public Path superuserPasswordFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + "-superuser-password");
    }
}
