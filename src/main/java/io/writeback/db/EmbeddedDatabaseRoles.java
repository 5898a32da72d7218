package io.writeback.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Locks the embedded PostgreSQL down: every connection gives a password ({@code scram-sha-256}, loopback
 * only), and Writeback works as an application role that is no superuser, so that nothing it is asked to
 * run can reach the server's files or programs.
 */
final class EmbeddedDatabaseRoles {

    static final String APPLICATION_ROLE = "writeback";

    private static final String PASSWORDS_ONLY = """
            # Written by Writeback at every start: a password for every connection, loopback only.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private EmbeddedDatabaseRoles() {
    }

    /**
     * Gives the superuser its password and makes the application role, then allows password logins only.
     * Safe to run at every start: on a cluster made before passwords, it takes over what the superuser made.
     */
    static void secure(javax.sql.DataSource superuser, Path dataDir, String superuserPassword, String applicationPassword)
            throws SQLException, IOException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD " + literal(superuserPassword));
            statement.execute(applicationRoleScript().replace("{role}", APPLICATION_ROLE)
                    .replace("{password}", applicationPassword.replace("'", "''")));
            Files.writeString(dataDir.resolve("pg_hba.conf"), PASSWORDS_ONLY, StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String applicationRoleScript() throws IOException {
        try (InputStream script = EmbeddedDatabaseRoles.class.getResourceAsStream("/db/embedded/application-role.sql")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
