package io.writeback.connection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriUtils;

/** The URLs of one connection's endpoints: its base URL (this instance's address for a bare path) and encoded ids. */
public final class ConnectionUrls {

    private final String baseUrl;
    private final LocalServer localServer;

    ConnectionUrls(String baseUrl, LocalServer localServer) {
        this.baseUrl = baseUrl;
        this.localServer = localServer;
    }

    /** The URL of {@code endpoint} for a record of {@code object}. */
    public String of(ObjectEndpoints.Endpoint endpoint, String object, String targetId) {
        String path = endpoint.path().replace("{object}", encode(object));
        if (targetId != null) {
            path = path.replace("{id}", encode(targetId));
        }
        return base() + path;
    }

    /** The URL of a lookup, its {@code {field}} placeholders filled from {@code payload}; null when a field is missing. */
    public String lookup(ObjectEndpoints.Lookup lookup, String object, Map<String, Object> payload) {
        return filled(lookup.path().replace("{object}", encode(object)), payload);
    }

    /**
     * The URL of {@code pathTemplate}, its {@code {name}} placeholders filled from {@code values} (encoded),
     * and the brackets a query may use ({@code ?filter[email][_in]=...}) encoded too; null when a value is missing.
     */
    public String filled(String pathTemplate, Map<String, Object> values) {
        String path = Placeholders.fill(pathTemplate, values, value -> UriUtils.encode(value, StandardCharsets.UTF_8));
        return path == null ? null : base() + path.replace("[", "%5B").replace("]", "%5D");
    }

    public String bulk(BulkEndpoint bulk, String object) {
        return base() + bulk.path().replace("{object}", encode(object));
    }

    /** The URL of a bulk call for the records {@code targetIds} name: in its path, comma-separated, where it has {@code {ids}}. */
    public String bulk(BulkEndpoint bulk, String object, List<String> targetIds) {
        if (!bulk.idsInPath()) {
            return bulk(bulk, object);
        }
        String ids = targetIds.stream().map(id -> UriUtils.encode(id, StandardCharsets.UTF_8)).collect(Collectors.joining(","));
        return base() + bulk.path().replace("{object}", encode(object)).replace("{ids}", ids);
    }

    /** The base URL without a trailing slash. */
    private String base() {
        return localServer.resolve(baseUrl).replaceAll("/+$", "");
    }

    private static String encode(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
