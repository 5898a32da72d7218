package io.writeback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands that call a running Writeback, one per operator task, each a thin layer over one API call. */
final class SyncCommands {

    private SyncCommands() {
    }

    /** What each command shares: the instance to call and where to print. */
    abstract static class InstanceCommand implements Callable<Integer> {

        @Mixin
        WritebackCli.Instance instance;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** Prints a line for people, at once. */
        void say(String line) {
            out().println(line);
            out().flush();
        }

        @Override
        public final Integer call() {
            return call(instance.api());
        }

        abstract int call(ApiClient api);
    }

    @Command(name = "status", description = "Every sync: mode, schedule, last run, pause.")
    static final class Status extends InstanceCommand {

        @Override
        int call(ApiClient api) {
            JsonNode syncs = api.get("api/syncs");
            if (!instance.printedAsJson(syncs, out())) {
                Table table = new Table("SYNC", "MODE", "SCHEDULE", "LAST RUN", "ENDED", "RUNNING", "PAUSED");
                syncs.forEach(sync -> table.row(sync.get("name").asText(), sync.get("mode").asText(), sync.get("schedule").asText(),
                        WritebackCli.Instance.text(sync.at("/lastRun/status")), WritebackCli.Instance.text(sync.at("/lastRun/finishedAt")),
                        running(sync), pause(sync.get("paused"))));
                table.print(out());
            }
            return Exit.OK;
        }

        private static String running(JsonNode sync) {
            return sync.path("activeRunId").isNumber() ? sync.get("activeRunId").asText() + " on " + sync.get("activeNode").asText()
                    : "";
        }

        private static String pause(JsonNode paused) {
            return paused == null || paused.isNull() ? "" : "by " + paused.get("by").asText()
                    + (paused.path("reason").isTextual() ? ": " + paused.get("reason").asText() : "");
        }
    }

    @Command(name = "cluster", description = "The Writeback nodes on this database, their state, and what each runs now.")
    static final class Cluster extends InstanceCommand {

        @Override
        int call(ApiClient api) {
            JsonNode cluster = api.get("api/cluster");
            if (!instance.printedAsJson(cluster, out())) {
                Map<String, List<String>> runsByNode = new HashMap<>();
                cluster.get("running").forEach(run -> runsByNode.computeIfAbsent(run.get("node").asText(), node -> new ArrayList<>())
                        .add(run.get("sync").asText() + " (run " + run.get("runId").asLong() + ")"));
                Table nodes = new Table("NODE", "STATE", "HEARTBEAT", "RUNNING");
                cluster.get("nodes").forEach(node -> nodes.row(node.get("id").asText()
                        + (node.get("self").asBoolean() ? " (this one)" : ""), node.get("state").asText(),
                        node.get("heartbeatAt").asText(), String.join(", ", runsByNode.getOrDefault(node.get("id").asText(), List.of()))));
                nodes.print(out());
            }
            return Exit.OK;
        }
    }

    @Command(name = "runs", description = "A sync's last runs, newest first.")
    static final class Runs extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Option(names = "--limit", defaultValue = "20", description = "runs shown, default ${DEFAULT-VALUE}")
        int limit;

        @Override
        int call(ApiClient api) {
            JsonNode runs = api.get("api/syncs/" + sync + "/runs?limit=" + limit);
            if (!instance.printedAsJson(runs, out())) {
                Table table = new Table("RUN", "TRIGGER", "STATUS", "STARTED", "MS", "READ", "INSERTED", "UPDATED", "FAILED", "ERROR");
                runs.forEach(run -> table.row(run.get("id").asLong(), run.get("trigger").asText(), run.get("status").asText(),
                        WritebackCli.Instance.text(run.get("startedAt")), WritebackCli.Instance.text(run.get("durationMillis")),
                        run.at("/counts/rowsRead").asLong(), run.at("/counts/inserted").asLong(), run.at("/counts/updated").asLong(),
                        run.at("/counts/failed").asLong(), WritebackCli.Instance.text(run.get("error"))));
                table.print(out());
            }
            return Exit.OK;
        }
    }

    @Command(name = "run", description = "Run a sync now; with --wait, until it ends (exit 1 unless it succeeded).")
    static final class Run extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Option(names = "--wait", description = "wait for the run to end and report it")
        boolean await;

        @Override
        int call(ApiClient api) {
            long runId = api.post("api/syncs/" + sync + "/runs", null).get("runId").asLong();
            if (!await) {
                say("run " + runId + " of " + sync + " queued");
                return Exit.OK;
            }
            JsonNode run = api.get("api/runs/" + runId);
            while (run.get("status").asText().matches("queued|running")) {
                sleep();
                run = api.get("api/runs/" + runId);
            }
            if (!instance.printedAsJson(run, out())) {
                say("run " + runId + " of " + sync + " " + run.get("status").asText() + ": "
                        + counts(run.get("counts")) + (run.path("error").isTextual() ? "; " + run.get("error").asText() : ""));
            }
            return run.get("status").asText().equals("succeeded") ? Exit.OK : Exit.FAILED;
        }

        private static String counts(JsonNode counts) {
            StringBuilder text = new StringBuilder();
            counts.fields().forEachRemaining(count -> {
                if (count.getValue().asLong() > 0 || count.getKey().equals("rowsRead")) {
                    text.append(text.isEmpty() ? "" : ", ").append(count.getKey()).append(' ').append(count.getValue().asLong());
                }
            });
            return text.toString();
        }

        private static void sleep() {
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(Exit.FAILED, "interrupted while waiting for the run");
            }
        }
    }

    @Command(name = "preview", description = "What the next run would send, without sending anything.")
    static final class Preview extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Option(names = "--limit", defaultValue = "10", description = "records shown, default ${DEFAULT-VALUE}")
        int limit;

        @Override
        int call(ApiClient api) {
            JsonNode preview = api.get("api/syncs/" + sync + "/preview?limit=" + limit);
            if (!instance.printedAsJson(preview, out())) {
                out().println("counts: " + preview.get("counts"));
                Table table = new Table("SOURCE ID", "ACTION", "REQUEST", "REASON");
                preview.get("samples").forEach(sample -> table.row(WritebackCli.Instance.text(sample.get("sourceId")),
                        sample.get("action").asText(), sample.path("request").isObject()
                                ? sample.at("/request/method").asText() + " " + sample.at("/request/url").asText() : "",
                        WritebackCli.Instance.text(sample.get("reason"))));
                table.print(out());
                preview.get("findings").forEach(finding -> say("finding: " + finding.asText()));
            }
            return Exit.OK;
        }
    }

    @Command(name = "explain", description = "Why a record did or did not sync, in one sentence.")
    static final class Explain extends InstanceCommand {

        @Parameters(index = "0", paramLabel = "SYNC")
        String sync;

        @Parameters(index = "1", paramLabel = "SOURCE_ID")
        String sourceId;

        @Override
        int call(ApiClient api) {
            JsonNode explained = api.get("api/syncs/" + sync + "/records/" + sourceId);
            if (!instance.printedAsJson(explained, out())) {
                say(explained.get("explanation").asText());
            }
            return Exit.OK;
        }
    }

    @Command(name = "pause", description = "Pause a sync: schedules, groups and run-now leave it alone until resumed.")
    static final class Pause extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Option(names = "--reason", description = "why, for the other operators")
        String reason;

        @Override
        int call(ApiClient api) {
            JsonNode paused = api.post("api/syncs/" + sync + "/pause", WritebackCli.Instance.body("reason", reason));
            if (!instance.printedAsJson(paused, out())) {
                say(sync + " paused by " + paused.at("/paused/by").asText() + " since " + paused.at("/paused/since").asText());
            }
            return Exit.OK;
        }
    }

    @Command(name = "resume", description = "Resume a paused sync.")
    static final class Resume extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Override
        int call(ApiClient api) {
            JsonNode resumed = api.post("api/syncs/" + sync + "/resume", null);
            if (!instance.printedAsJson(resumed, out())) {
                say(sync + " resumed");
            }
            return Exit.OK;
        }
    }

    @Command(name = "dead-letters", description = "A sync's failed records waiting for a replay.")
    static final class DeadLetters extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Override
        int call(ApiClient api) {
            JsonNode letters = api.get("api/syncs/" + sync + "/dead-letters?state=pending");
            if (!instance.printedAsJson(letters, out())) {
                Table table = new Table("ID", "SOURCE ID", "ACTION", "STATUS", "ERROR");
                letters.forEach(letter -> table.row(letter.get("id").asLong(), letter.get("sourceId").asText(),
                        letter.get("action").asText(), WritebackCli.Instance.text(letter.get("responseStatus")),
                        WritebackCli.Instance.text(letter.get("error"))));
                table.print(out());
            }
            return Exit.OK;
        }
    }

    @Command(name = "replay", description = "Send a sync's pending dead letters again, through its route.")
    static final class Replay extends InstanceCommand {

        @Parameters(paramLabel = "SYNC")
        String sync;

        @Override
        int call(ApiClient api) {
            JsonNode queued = api.post("api/syncs/" + sync + "/dead-letters/replay", null);
            if (!instance.printedAsJson(queued, out())) {
                say("run " + queued.get("runId").asLong() + " replays " + queued.get("records").asLong() + " record(s) of " + sync);
            }
            return Exit.OK;
        }
    }
}
