package io.writeback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.sync.ValidateCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar writeback.jar <command>}: Writeback's command line. {@code validate} checks sync files
 * here; the others call a running instance's REST API ({@code --url}, {@code --user}, {@code --password},
 * or WRITEBACK_URL, WRITEBACK_USER, WRITEBACK_PASSWORD) and print tables, or JSON with {@code --json}.
 * None starts a server. Exit codes: see {@link Exit}.
 */
@Command(name = "writeback", mixinStandardHelpOptions = true, version = "Writeback",
        description = "Writeback's command line: without a command, java -jar writeback.jar starts the server.",
        subcommands = {WritebackCli.Validate.class, SyncCommands.Status.class, SyncCommands.Cluster.class, SyncCommands.Runs.class, SyncCommands.Run.class,
            SyncCommands.Preview.class, SyncCommands.Explain.class, SyncCommands.Pause.class, SyncCommands.Resume.class,
            SyncCommands.DeadLetters.class, SyncCommands.Replay.class, CloneCommands.Make.class, CloneCommands.Listing.class,
            CloneCommands.Compare.class, CloneCommands.Delete.class, TransferCommands.Export.class, TransferCommands.Import.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:what it reports failed (a run, the sync files)", "2:wrong command line",
            "3:Writeback unreachable, or the login or role refused", "4:refused as things stand (paused, running)",
            "5:no such sync, run or record"})
public final class WritebackCli implements Runnable {

    private static final Set<String> HELP = Set.of("--help", "-h", "help", "--version", "-V");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether {@code args} ask for the command line rather than the server: a command or help comes first. */
    public static boolean wanted(String[] args) {
        if (args.length == 0) {
            return false;
        }
        return HELP.contains(args[0]) || new CommandLine(new WritebackCli()).getSubcommands().containsKey(args[0]);
    }

    /** Runs the command in {@code args}, printing to {@code out} and {@code err}; the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new WritebackCli());
        cli.setOut(out).setErr(err).setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliException refused) {
                line.getErr().println("writeback: " + refused.getMessage());
                line.getErr().flush();
                return refused.exitCode();
            }
            throw e;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code validate}: checks every sync file against the configuration, without a database or a server. */
    @Command(name = "validate", description = "Check the sync files and connection settings; nothing starts.")
    static final class Validate implements Callable<Integer> {

        /** Spring properties, as the server takes them: --writeback.routes-dir=... */
        @CommandLine.Unmatched
        List<String> properties = new ArrayList<>();

        @Override
        public Integer call() {
            String[] args = new String[properties.size() + 1];
            args[0] = ValidateCommand.FLAG;
            for (int i = 0; i < properties.size(); i++) {
                args[i + 1] = properties.get(i);
            }
            return ValidateCommand.run(args);
        }
    }

    /** What every command that calls a running Writeback takes. */
    static final class Instance {

        @Option(names = "--url", defaultValue = "${env:WRITEBACK_URL:-http://localhost:8080}",
                description = "Writeback's address (WRITEBACK_URL), default ${DEFAULT-VALUE}")
        String url;

        @Option(names = "--user", defaultValue = "${env:WRITEBACK_USER}", description = "login (WRITEBACK_USER)")
        String user;

        @Option(names = "--password", defaultValue = "${env:WRITEBACK_PASSWORD}", arity = "0..1", interactive = true,
                description = "password (WRITEBACK_PASSWORD); without a value, asked for")
        String password;

        @Option(names = "--json", description = "print the API's JSON answer instead of a table")
        boolean json;

        ApiClient api() {
            return new ApiClient(url, user, password);
        }

        /** Prints {@code answer} as JSON when asked to, and says whether it did. */
        boolean printedAsJson(JsonNode answer, PrintWriter out) {
            if (json) {
                out.println(answer.toPrettyString());
                out.flush();
            }
            return json;
        }

        static Map<String, Object> body(String key, Object value) {
            return value == null ? Map.of() : Map.of(key, value);
        }

        static String text(JsonNode node) {
            return node == null || node.isMissingNode() || node.isNull() ? "" : node.isTextual() ? node.asText() : node.toString();
        }
    }
}
