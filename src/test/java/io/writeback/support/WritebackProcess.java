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
 * the kill test kills and the benchmark measures. It calls as {@link TestUsers#ADMIN}, given to the
 * process on its command line unless the arguments configure users or the admin password file themselves.
 */
public final class WritebackProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private volatile String authorization = basic(TestUsers.ADMIN.username(), TestUsers.ADMIN.password());

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
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--writeback.security."))) {
            command.add("--writeback.security.users." + TestUsers.ADMIN.username() + ".password={noop}" + TestUsers.ADMIN.password());
            command.add("--writeback.security.users." + TestUsers.ADMIN.username() + ".roles=admin");
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        WritebackProcess writeback = new WritebackProcess(process, port);
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .failFast("Writeback exited; see " + log, () -> !process.isAlive())
                    .until(() -> writeback.anonymousGet("/actuator/health/readiness").startsWith("{\"status\":\"UP\""));
        } catch (RuntimeException e) {
            writeback.kill();
            throw e;
        }
        return writeback;
    }

    /** Starts a run of {@code sync} through the API and returns its id. */
    public long startRun(String sync) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/syncs/" + sync + "/runs"))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher runId = Pattern.compile("\"runId\":(\\d+)").matcher(response.body());
        if (!runId.find()) {
            throw new IllegalStateException("run of " + sync + " not accepted: " + response.body());
        }
        return Long.parseLong(runId.group(1));
    }

    /** The body of the answer to {@code POST path} with the JSON {@code body}, called logged in. */
    public String post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The body of {@code GET path}, called logged in. */
    public String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The answer to {@code GET path} without a login. */
    public HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String anonymousGet(String path) throws IOException, InterruptedException {
        return anonymous(path).body();
    }

    /** Calls from now on log in as {@code username}. */
    public void logInAs(String username, String password) {
        authorization = basic(username, password);
    }

    private static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    /** Where the process answers: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
