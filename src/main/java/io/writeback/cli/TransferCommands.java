package io.writeback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.cli.SyncCommands.InstanceCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The whole configuration out of a running Writeback and into one. */
final class TransferCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransferCommands() {
    }

    @Command(name = "export", description = "The whole configuration as one JSON document: sync files, connections "
            + "without secrets, pauses.")
    static final class Export extends InstanceCommand {

        @Option(names = "--out", description = "the file to write, default the standard output")
        Path file;

        @Override
        int call(ApiClient api) {
            String document = api.get("api/export").toPrettyString();
            if (file == null) {
                say(document);
                return Exit.OK;
            }
            try {
                Files.writeString(file, document + System.lineSeparator());
            } catch (IOException e) {
                throw new CliException(Exit.FAILED, "cannot write " + file + ": " + e.getMessage());
            }
            return Exit.OK;
        }
    }

    @Command(name = "import", description = "Check an exported configuration against this instance and say what it "
            + "would change; with --apply, write its sync files and apply its pauses (admin).")
    static final class Import extends InstanceCommand {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--apply", description = "apply it; without, a dry run")
        boolean apply;

        @Override
        int call(ApiClient api) {
            JsonNode document;
            try {
                document = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new CliException(Exit.USAGE, "cannot read " + file + " as JSON: " + e.getMessage());
            }
            JsonNode report = api.post("api/import?apply=" + apply, document);
            if (!instance.printedAsJson(report, out())) {
                Table table = new Table("SYNC FILE", apply ? "CHANGE" : "WOULD BE");
                report.get("syncFiles").fields().forEachRemaining(entry -> table.row(entry.getKey(), entry.getValue().asText()));
                table.print(out());
                report.get("pausesSet").forEach(pause -> out().println("pause set: " + pause.asText()));
                report.get("pausesLifted").forEach(pause -> out().println("pause lifted: " + pause.asText()));
                report.get("connectionsDiffering").forEach(connection -> out().println("connection settings differ, set them "
                        + "in the configuration: " + connection.asText()));
                out().println(!apply ? "dry run: nothing changed (--apply to apply)"
                        : report.get("restartNeeded").asBoolean() ? "applied; restart Writeback to load the sync files" : "applied");
                out().flush();
            }
            return Exit.OK;
        }
    }
}
