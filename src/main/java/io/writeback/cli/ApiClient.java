package io.writeback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls a running Writeback's REST API for the command line, as one logged-in user. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    ApiClient(String url, String user, String password) {
        this.base = URI.create(url.replaceAll("/+$", "") + "/");
        this.authorization = user == null || user.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password))
                        .getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    JsonNode post(String path, Object body) {
        String json;
        try {
            json = body == null ? "" : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private JsonNode send(HttpRequest.Builder request) {
        request.header("Accept", "application/json").timeout(Duration.ofMinutes(2));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException(Exit.UNREACHABLE, "cannot reach Writeback at " + base + " (set --url or WRITEBACK_URL)");
        } catch (IOException e) {
            throw new CliException(Exit.UNREACHABLE, "calling " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.FAILED, "interrupted");
        }
        JsonNode body = read(answer.body());
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        String detail = body.path("detail").asText(body.path("error").asText("HTTP " + status));
        throw switch (status) {
            case 401 -> new CliException(Exit.UNREACHABLE, "not logged in: give --user and --password "
                    + "(or WRITEBACK_USER and WRITEBACK_PASSWORD)");
            case 403 -> new CliException(Exit.UNREACHABLE, "your role may not do this (" + detail + ")");
            case 404 -> new CliException(Exit.NOT_FOUND, detail);
            case 409 -> new CliException(Exit.REFUSED, detail);
            default -> new CliException(Exit.FAILED, "HTTP " + status + ": " + detail);
        };
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
