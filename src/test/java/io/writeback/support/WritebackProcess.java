package io.writeback.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writeback as a process of its own ({@code target/writeback.jar}), driven through its REST API: what
 * the kill test kills and the benchmark measures.
 */
public final class WritebackProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private WritebackProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Writeback with {@code jvmOptions} and {@code arguments}, its output in {@code log}, and waits until it is up. */
    public static WritebackProcess start(List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        return start(jvmOptions, arguments, Map.of(), log);
    }

    /** As {@link #start(List, List, Path)}, with {@code environment} added to the process's (for secrets). */
    public static WritebackProcess start(List<String> jvmOptions, List<String> arguments, Map<String, String> environment,
            Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(new File("target/writeback.jar").getAbsolutePath());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        WritebackProcess writeback = new WritebackProcess(process, port);
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .failFast("Writeback exited; see " + log, () -> !process.isAlive())
                    .until(() -> writeback.get("/actuator/health").startsWith("{\"status\":\"UP\""));
        } catch (RuntimeException e) {
            writeback.kill();
            throw e;
        }
        return writeback;
    }

    /** Starts a run of {@code sync} through the API and returns its id. */
    public long startRun(String sync) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/syncs/" + sync + "/runs"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Matcher runId = Pattern.compile("\"runId\":(\\d+)").matcher(response.body());
        if (!runId.find()) {
            throw new IllegalStateException("run of " + sync + " not accepted: " + response.body());
        }
        return Long.parseLong(runId.group(1));
    }

    public String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the process at once, as a crash would (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
