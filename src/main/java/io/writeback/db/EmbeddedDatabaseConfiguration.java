package io.writeback.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.writeback.security.OwnerOnlyFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts PostgreSQL inside the JVM's reach when no database URL is configured, so that Writeback
 * runs with one command. Its data stays under {@code writeback.embedded-db.data-dir}; its passwords in
 * owner-only files beside it ({@code postgres-password} for Writeback's role, {@code postgres-superuser-password}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException, SQLException {
        Path dataDir = properties.dataDir();
        Files.createDirectories(dataDir);
        StalePostmaster.stopIfRunning(dataDir, STOP_PATIENCE);
        if (properties.clean()) {
            Files.deleteIfExists(properties.superuserPasswordFile());
            Files.deleteIfExists(properties.passwordFile());
        }
        String superuserPassword = OwnerOnlyFile.secret(properties.superuserPasswordFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(properties.clean())
                .setPort(properties.port())
                .setConnectConfig("password", superuserPassword)
                // Crash safety rests on commits being durable: the library's default (off) loses the last
                // commits, a chunk's intents among them, when PostgreSQL itself dies.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start();
        EmbeddedDatabaseRoles.secure(postgres.getPostgresDatabase(), dataDir, superuserPassword,
                OwnerOnlyFile.secret(properties.passwordFile()));
        log.info("Embedded PostgreSQL on port {} with data in {}; user '{}', password in {}", postgres.getPort(),
                dataDir.toAbsolutePath(), EmbeddedDatabaseRoles.APPLICATION_ROLE, properties.passwordFile().toAbsolutePath());
        return postgres;
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        config.setUsername(EmbeddedDatabaseRoles.APPLICATION_ROLE);
        config.setPassword(OwnerOnlyFile.secret(properties.passwordFile()));
        config.setPoolName("writeback-embedded");
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }
}
