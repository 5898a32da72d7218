package io.writeback.destination;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    DeliveryResult send(ObjectEndpoints.Endpoint endpoint, String object, String targetId, String json) {
        String url = url(endpoint, object, targetId);
        HttpUriRequestBase request = new HttpUriRequestBase(endpoint.method(), java.net.URI.create(url));
        properties.headers().forEach(request::addHeader);
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
                        : "HTTP " + status + " from " + endpoint.method() + " " + url + ": " + excerpt(body);
                return result(endpoint.method(), url, json, status, body, error);
            });
        } catch (IOException e) {
            return result(endpoint.method(), url, json, 0, null,
                    e.getClass().getSimpleName() + " calling " + endpoint.method() + " " + url + ": " + e.getMessage());
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
