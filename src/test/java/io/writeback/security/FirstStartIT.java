package io.writeback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.writeback.support.WritebackProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * The first command on a clean machine, as a process of its own: no user configured, so an admin with a
 * generated password; the embedded database with passwords and a role that is no superuser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartIT {

    private static final Path DATA = Path.of("target/first-start/data");
    private static WritebackProcess writeback;
    private static String log;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(DATA.getParent());
        Files.createDirectories(DATA);
        Path logFile = DATA.getParent().resolve("writeback.log");
        writeback = start(logFile);
        log = Files.readString(logFile);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (writeback != null) {
            writeback.close();
        }
    }

    @Test
    @Order(1)
    void aGeneratedAdminLogsInWithThePasswordFromItsOwnerOnlyFile() throws Exception {
        Path file = DATA.resolve("admin-password");
        String password = Files.readString(file).strip();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(log).contains("log in as 'admin' with the password in " + file.toAbsolutePath()).doesNotContain(password);
        assertThat(writeback.anonymous("/api/syncs").statusCode()).isEqualTo(401);
        writeback.logInAs("admin", "wrong");
        assertThat(writeback.get("/api/syncs")).doesNotContain("companies");
        writeback.logInAs("admin", password);
        assertThat(writeback.get("/api/syncs")).contains("\"companies\"");
    }

    @Test
    @Order(2)
    void theEmbeddedDatabaseWantsAPasswordAndWritebackIsNoSuperuser() throws Exception {
        Matcher port = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(log);
        assertThat(port.find()).isTrue();
        String url = "jdbc:postgresql://localhost:" + port.group(1) + "/postgres";
        String password = Files.readString(DATA.resolve("postgres-password")).strip();

        assertThatThrownBy(() -> connect(url, "postgres", null).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(url, "writeback", null).close()).isInstanceOf(SQLException.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA.resolve("postgres-password"))))
                .isEqualTo("rw-------");
        try (Connection writebackRole = connect(url, "writeback", password); Statement statement = writebackRole.createStatement()) {
            var superuser = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            superuser.next();
            assertThat(superuser.getBoolean(1)).isFalse();
            assertThatThrownBy(() -> statement.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
                    .hasMessageContaining("must be superuser or have privileges of the pg_execute_server_program role");
        }
        assertThat(log).doesNotContain(password);
    }

    @Test
    @Order(3)
    void theSecondStartFindsItsDataTheSameAdminAndThePauses() throws Exception {
        String password = Files.readString(DATA.resolve("admin-password")).strip();
        writeback.logInAs("admin", password);
        assertThat(writeback.post("/api/syncs/companies/pause", "{\"reason\": \"before a restart\"}"))
                .contains("\"reason\":\"before a restart\"");
        writeback.close();

        writeback = start(DATA.getParent().resolve("writeback-again.log"));

        assertThat(Files.readString(DATA.resolve("admin-password")).strip()).isEqualTo(password);
        writeback.logInAs("admin", password);
        assertThat(writeback.get("/api/syncs/companies")).contains("\"paused\":{\"by\":\"admin\",\"reason\":\"before a restart\"");
    }

    @Test
    @Order(4)
    void aStartAfterAKillStopsThePostgresServerTheKilledProcessLeftRunning() throws Exception {
        String password = Files.readString(DATA.resolve("admin-password")).strip();
        writeback.kill();
        long leftRunning = Long.parseLong(Files.readAllLines(DATA.resolve("postgres/postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).contains(true);

        Path logFile = DATA.getParent().resolve("writeback-after-kill.log");
        writeback = start(logFile);

        assertThat(Files.readString(logFile)).containsPattern("WARN .*Embedded PostgreSQL: the server of an earlier Writeback "
                + "that stopped without shutting it down still runs on .* \\(pid " + leftRunning + ", port \\d+\\); stopping it");
        assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        writeback.logInAs("admin", password);
        assertThat(writeback.get("/api/syncs")).contains("\"companies\"");
    }

    @Test
    @Order(5)
    void withoutTheDemoNoDemoSyncIsLoadedFromTheDefaultRoutes() throws Exception {
        String password = Files.readString(DATA.resolve("admin-password")).strip();
        writeback.close();
        Path logFile = DATA.getParent().resolve("writeback-without-demo.log");

        writeback = start(logFile, "--writeback.demo.enabled=false");

        writeback.logInAs("admin", password);
        assertThat(writeback.get("/api/syncs")).isEqualTo("[]");
        assertThat(Files.readString(logFile)).contains("0 sync(s) in").doesNotContain("companies (quartz");
    }

    /** Writeback on this test's data, with no admin configured: the first start generates one. */
    private static WritebackProcess start(Path logFile, String... more) throws IOException, InterruptedException {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--writeback.security.admin-password-file=" + DATA.resolve("admin-password"),
                "--writeback.embedded-db.data-dir=" + DATA.resolve("postgres"),
                "--writeback.schedules.enabled=false"));
        arguments.addAll(List.of(more));
        return WritebackProcess.start(List.of("-Xmx256m"), arguments, logFile);
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }
}
