package io.writeback.destination;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.web.util.UriUtils;

/**
 * A pooled HTTP client for one connection. Timeouts, pool size and keep-alive are set here rather
 * than left to library defaults; redirects and automatic retries are off, so that every call made is
 * a call decided and counted by Writeback.
 */
final class HttpConnection implements AutoCloseable {

    private static final int EXCERPT = 2_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final String name;
    private final ConnectionProperties properties;
    private final LocalServer localServer;
    private final CloseableHttpClient client;

    HttpConnection(String name, ConnectionProperties properties, LocalServer localServer) {
        this.name = name;
        this.properties = properties;
        this.localServer = localServer;
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(properties.maxConnections())
                .setMaxConnPerRoute(properties.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.readTimeout()))
                        .setConnectionKeepAlive(TimeValue.ofSeconds(30))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofSeconds(60))
                .build();
    }

    ObjectEndpoints object(String object) {
        return properties.object(object);
    }

    /** The URL of {@code endpoint} for a record of {@code object}. */
    String url(ObjectEndpoints.Endpoint endpoint, String object, String targetId) {
        String path = endpoint.path().replace("{object}", encode(object));
        if (targetId != null) {
            path = path.replace("{id}", encode(targetId));
        }
        return localServer.resolve(properties.baseUrl()).replaceAll("/+$", "") + path;
    }

    /** The URL of a lookup, its {@code {field}} placeholders filled from {@code payload}; null when a field is missing. */
    String lookupUrl(ObjectEndpoints.Lookup lookup, String object, Map<String, Object> payload) {
        Matcher placeholder = PLACEHOLDER.matcher(lookup.path().replace("{object}", encode(object)));
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            Object value = payload.get(placeholder.group(1));
            if (value == null) {
                return null;
            }
            placeholder.appendReplacement(path, Matcher.quoteReplacement(
                    UriUtils.encode(value.toString(), StandardCharsets.UTF_8)));
        }
        placeholder.appendTail(path);
        return localServer.resolve(properties.baseUrl()).replaceAll("/+$", "") + path;
    }

    /** Whether the destination takes an idempotency key on creates. */
    boolean idempotentInserts() {
        return properties.idempotencyKeyHeader() != null && !properties.idempotencyKeyHeader().isBlank();
    }

    DeliveryResult send(ObjectEndpoints.Endpoint endpoint, String object, String targetId, String json) {
        return send(endpoint.method(), url(endpoint, object, targetId), json, null);
    }

    /** Sends an insert under {@code idempotencyKey}, in the connection's idempotency header when it has one. */
    DeliveryResult sendInsert(ObjectEndpoints.Endpoint endpoint, String object, String json, String idempotencyKey) {
        return send(endpoint.method(), url(endpoint, object, null), json,
                idempotentInserts() && idempotencyKey != null ? new String[] {properties.idempotencyKeyHeader(), idempotencyKey} : null);
    }

    DeliveryResult get(String url) {
        return send("GET", url, null, null);
    }

    private DeliveryResult send(String method, String url, String json, String[] extraHeader) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(url));
        properties.headers().forEach(request::addHeader);
        if (extraHeader != null) {
            request.setHeader(extraHeader[0], extraHeader[1]);
        }
        String[] auth = properties.auth().authorization();
        if (auth != null) {
            request.setHeader(auth[0], auth[1]);
        }
        request.setHeader("Accept", "application/json");
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        try {
            return client.execute(request, response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                int status = response.getCode();
                String error = status >= 200 && status < 300 ? null
                        : "HTTP " + status + " from " + method + " " + url + ": " + excerpt(body);
                return result(method, url, json, status, body, error);
            });
        } catch (IOException e) {
            return result(method, url, json, 0, null,
                    e.getClass().getSimpleName() + " calling " + method + " " + url + ": " + e.getMessage());
        }
    }

    private DeliveryResult result(String method, String url, String json, int status, String body, String error) {
        return new DeliveryResult(method, url, scrub(json), status, scrub(body), scrub(error));
    }

    /** Credentials never leave through an answer echoed back, an exception text or a stored request. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        List<String> secrets = properties.auth().secrets();
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "***");
        }
        return scrubbed;
    }

    private static String excerpt(String body) {
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "...";
    }

    private static String encode(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    @Override
    public String toString() {
        return "connection " + name;
    }
}
