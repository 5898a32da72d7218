package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON for the checks of requests against vendors' documents: a test resource, or a request's body. */
final class TestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJson() {
    }

    /** The JSON document at {@code path} on the test class path. */
    static JsonNode resource(String path) {
        try (InputStream in = TestJson.class.getClassLoader().getResourceAsStream(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request's body as JSON: a null node when there is none. */
    static JsonNode body(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "null" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
