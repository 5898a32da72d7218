package io.writeback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each command of the command line against a running Writeback (the demo), with its output and exit code. */
class WritebackCliTest extends WritebackIntegrationTest {

    @LocalServerPort
    int port;

    /** What one command printed, and its exit code. */
    record Result(int exit, String out, String err) {
    }

    private Result cli(TestUsers user, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        if (!command[0].equals("--help") && !command[0].equals("validate")) {
            args.addAll(List.of("--url", "http://localhost:" + port));
            if (user != null) {
                args.addAll(List.of("--user", user.username(), "--password=" + user.password()));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WritebackCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodesWithoutStartingAnything() {
        Result help = cli(null, "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("status", "runs", "run", "preview", "explain", "pause", "resume", "dead-letters", "replay",
                "clone", "clones", "compare", "delete-clone", "export", "import", "cluster", "validate", "Exit codes:");
        assertThat(WritebackCli.wanted(new String[] {"--help"})).isTrue();
        assertThat(WritebackCli.wanted(new String[] {"status"})).isTrue();
        assertThat(WritebackCli.wanted(new String[] {"--server.port=8080"})).isFalse();
        assertThat(WritebackCli.wanted(new String[0])).isFalse();
    }

    @Test
    void runWaitsForTheRunAndStatusAndRunsShowIt() {
        Result run = cli(TestUsers.OPERATOR, "run", "companies", "--wait");
        Result status = cli(TestUsers.VIEWER, "status");
        Result runs = cli(TestUsers.VIEWER, "runs", "companies");
        Result json = cli(TestUsers.VIEWER, "runs", "companies", "--json");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("run ").contains(" of companies succeeded: rowsRead 60, inserted 60");
        assertThat(status.out().lines().findFirst().orElseThrow()).startsWith("SYNC").contains("LAST RUN", "PAUSED");
        assertThat(status.out()).containsPattern("(?m)^companies +upsert .*succeeded");
        assertThat(runs.out()).containsPattern("(?m)^\\d+ +api +succeeded");
        assertThat(json.out()).startsWith("[").contains("\"status\" : \"succeeded\"");
    }

    @Test
    void pauseRefusesRunsWithExitCode4UntilResumed() {
        Result paused = cli(TestUsers.OPERATOR, "pause", "contacts", "--reason", "month end");
        Result refused = cli(TestUsers.OPERATOR, "run", "contacts");
        Result resumed = cli(TestUsers.OPERATOR, "resume", "contacts");

        assertThat(paused.exit()).isZero();
        assertThat(paused.out()).startsWith("contacts paused by operator since ");
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).startsWith("writeback: sync 'contacts' is paused by operator since ").contains(": month end");
        assertThat(resumed.exit()).isZero();
    }

    @Test
    void previewExplainDeadLettersAndReplaySpeakForTheirSync() {
        Result preview = cli(TestUsers.OPERATOR, "preview", "companies", "--limit", "2");
        Result explain = cli(TestUsers.OPERATOR, "explain", "companies", "1");
        Result deadLetters = cli(TestUsers.OPERATOR, "dead-letters", "companies");
        Result replay = cli(TestUsers.OPERATOR, "replay", "companies");

        assertThat(preview.exit()).isZero();
        assertThat(preview.out()).startsWith("counts: {\"insert\":60}").contains("SOURCE ID", "POST ");
        assertThat(explain.out()).isEqualTo("Record 1 has no target record yet: the next run inserts it.\n");
        assertThat(deadLetters.exit()).isZero();
        assertThat(deadLetters.out()).startsWith("ID");
        assertThat(replay.exit()).isEqualTo(5);
        assertThat(replay.err()).isEqualTo("writeback: sync 'companies' has no pending dead letters\n");
    }

    @Test
    void loginsRolesUnknownNamesAndUnreachableInstancesHaveTheirExitCodes() {
        assertThat(cli(null, "status").exit()).isEqualTo(3);
        assertThat(cli(TestUsers.VIEWER, "pause", "companies").exit()).isEqualTo(3);
        assertThat(cli(TestUsers.VIEWER, "runs", "nope").exit()).isEqualTo(5);
        assertThat(cli(TestUsers.VIEWER, "runs").exit()).isEqualTo(2);
        StringWriter err = new StringWriter();
        int unreachable = WritebackCli.run(new String[] {"status", "--url", "http://127.0.0.1:1"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(unreachable).isEqualTo(3);
        assertThat(err.toString()).startsWith("writeback: cannot reach Writeback at http://127.0.0.1:1/");
    }

    @Test
    void aCloneIsMadeRunComparedAndDeletedFromTheCommandLine(@TempDir Path dir) throws IOException {
        Path query = Files.writeString(dir.resolve("companies.sql"), "SELECT id, name, domain, _sdc_batched_at\n"
                + "FROM warehouse.companies WHERE id <= 3");
        Result made = cli(TestUsers.OPERATOR, "clone", "companies", "--name", "companies_try", "--set", "source.query=@" + query,
                "--set", "map.fields=name, domain=name", "--expires-in", "1d");
        Result run = cli(TestUsers.OPERATOR, "run", "companies_try", "--wait");
        cli(TestUsers.OPERATOR, "run", "companies", "--wait");
        Result listed = cli(TestUsers.VIEWER, "clones");
        Result compared = cli(TestUsers.OPERATOR, "compare", "companies_try");
        Result refused = cli(TestUsers.VIEWER, "delete-clone", "companies_try");
        Result deleted = cli(TestUsers.OPERATOR, "delete-clone", "companies_try");
        Result badSet = cli(TestUsers.OPERATOR, "clone", "companies", "--set", "query=x");

        assertThat(made.exit()).isZero();
        assertThat(made.out()).startsWith("clone companies_try of companies delivers to sandbox companies_try.companies until ");
        assertThat(run.out()).contains(" of companies_try succeeded: rowsRead 3, inserted 3");
        assertThat(listed.out()).containsPattern("(?m)^companies_try +companies +sandbox +companies_try.companies +operator .* true");
        assertThat(compared.out()).startsWith("3 record(s) compared with companies: 3 differ, 0 the same")
                .containsPattern("(?m)^domain +3").containsPattern("(?m)^industry +3");
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(deleted.out()).isEqualTo("clone companies_try deleted\n");
        assertThat(badSet.exit()).isEqualTo(2);
        assertThat(badSet.err()).contains("--set takes STAGE.PARAMETER=VALUE");
    }

    @Test
    void theConfigurationIsExportedToAFileAndImportedAsADryRun(@TempDir Path dir) {
        Path file = dir.resolve("writeback.json");
        Result exported = cli(TestUsers.OPERATOR, "export", "--out", file.toString());
        Result dryRun = cli(TestUsers.ADMIN, "import", file.toString());
        Result refused = cli(TestUsers.OPERATOR, "import", file.toString(), "--apply");

        assertThat(exported.exit()).isZero();
        assertThat(file).content().contains("\"format\" : \"writeback-configuration/1\"", "demo/companies.camel.yaml");
        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.out()).containsPattern("(?m)^demo/companies.camel.yaml +same")
                .endsWith("dry run: nothing changed (--apply to apply)\n");
        assertThat(refused.exit()).isEqualTo(3);
    }

    @Test
    void clusterListsTheNodesWithTheirStateAndRuns() {
        Result cluster = cli(TestUsers.VIEWER, "cluster");

        assertThat(cluster.exit()).isZero();
        assertThat(cluster.out().lines().findFirst().orElseThrow()).startsWith("NODE").contains("STATE", "HEARTBEAT", "RUNNING");
        assertThat(cluster.out()).containsPattern("(?m)^\\S+ \\(this one\\) +alive ");
    }

    @Test
    void validateChecksTheSyncFilesHere() {
        assertThat(cli(null, "validate").exit()).isZero();
        assertThat(cli(null, "validate", "--writeback.routes-dir=does-not-exist").exit()).isEqualTo(1);
    }
}
