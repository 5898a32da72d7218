package io.writeback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.cli.SyncCommands.InstanceCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands for clones of syncs: make one, list them, compare one with its original, delete one. */
final class CloneCommands {

    private CloneCommands() {
    }

    @Command(name = "clone", description = "Make a clone of a sync that delivers to the sandbox (or a test connection) "
            + "with links of its own; run it with 'run CLONE'.")
    static final class Make extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Option(names = "--name", description = "the clone's name, default SYNC_clone_N")
        String name;

        @Option(names = "--connection", description = "a test connection instead of the sandbox")
        String connection;

        @Option(names = "--object", description = "the object of the test connection, default the original's")
        String object;

        @Option(names = "--expires-in", description = "how long the clone lives (24h, 7d), default 7d")
        String expiresIn;

        @Option(names = "--set", paramLabel = "STAGE.PARAMETER=VALUE",
                description = "a changed stage parameter, e.g. --set map.constants=source=test --set source.query=@file.sql "
                        + "(@ reads the value from a file); repeatable")
        Map<String, String> changes = new LinkedHashMap<>();

        @Override
        int call(ApiClient api) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("name", name);
            request.put("connection", connection);
            request.put("object", object);
            request.put("expiresIn", expiresIn);
            request.put("changes", StageChanges.of(changes));
            JsonNode clone = api.post("api/syncs/" + sync + "/clone", request);
            if (!instance.printedAsJson(clone, out())) {
                say("clone " + clone.get("name").asText() + " of " + sync + " delivers to " + clone.get("connection").asText()
                        + " " + clone.get("object").asText() + " until " + clone.get("expiresAt").asText() + "; run it with: "
                        + "writeback run " + clone.get("name").asText() + " --wait");
            }
            return Exit.OK;
        }
    }

    @Command(name = "clones", description = "The clones of syncs: original, target, who made them, when they expire.")
    static final class Listing extends InstanceCommand {

        @Override
        int call(ApiClient api) {
            JsonNode clones = api.get("api/clones");
            if (!instance.printedAsJson(clones, out())) {
                Table table = new Table("CLONE", "OF", "CONNECTION", "OBJECT", "BY", "EXPIRES", "LOADED");
                clones.forEach(clone -> table.row(clone.get("name").asText(), clone.get("original").asText(),
                        clone.get("connection").asText(), clone.get("object").asText(), clone.get("createdBy").asText(),
                        clone.get("expiresAt").asText(), clone.get("loaded").asBoolean()));
                table.print(out());
            }
            return Exit.OK;
        }
    }

    @Command(name = "compare", description = "A clone's records against its original's: which fields differ, for how many.")
    static final class Compare extends InstanceCommand {

        @Parameters(paramLabel = "CLONE")
        String clone;

        @Option(names = "--limit", defaultValue = "100", description = "records compared, default ${DEFAULT-VALUE}")
        int limit;

        @Override
        int call(ApiClient api) {
            JsonNode comparison = api.get("api/clones/" + clone + "/comparison?limit=" + limit);
            if (!instance.printedAsJson(comparison, out())) {
                out().println(comparison.get("compared").asInt() + " record(s) compared with " + comparison.get("original").asText()
                        + ": " + comparison.get("differing").asInt() + " differ, " + comparison.get("same").asInt() + " the same");
                Table table = new Table("FIELD", "RECORDS DIFFERING");
                comparison.get("differingByField").fields().forEachRemaining(field -> table.row(field.getKey(),
                        field.getValue().asInt()));
                table.print(out());
            }
            return Exit.OK;
        }
    }

    @Command(name = "delete-clone", description = "Delete a clone with its links, runs and sandbox records.")
    static final class Delete extends InstanceCommand {

        @Parameters(paramLabel = "CLONE")
        String clone;

        @Override
        int call(ApiClient api) {
            api.delete("api/clones/" + clone);
            say("clone " + clone + " deleted");
            return Exit.OK;
        }
    }
}
