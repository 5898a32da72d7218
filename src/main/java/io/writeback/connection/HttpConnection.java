package io.writeback.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
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
public final class HttpConnection implements AutoCloseable {

    private static final int EXCERPT = 2_000;

    private final String name;
    private final ConnectionProperties properties;
    private final LocalServer localServer;
    private final CloseableHttpClient client;
    private final ConnectionGate gate;
    private final Semaphore inFlight;
    private final Map<String, ObjectEndpoints> objects = new ConcurrentHashMap<>();
    private final HostGuard guard;
    private final Credentials credentials;
    private final Timekeeper time;
    private final Clock clock;

    HttpConnection(String name, ConnectionProperties properties, LocalServer localServer, Timekeeper time) {
        this.name = name;
        this.properties = properties;
        this.localServer = localServer;
        this.time = time;
        this.clock = time.clock();
        this.gate = new ConnectionGate(properties.rateLimit(), time);
        this.inFlight = new Semaphore(properties.maxInFlight(), true);
        this.guard = new HostGuard(name, properties.hosts(), properties.namedHosts());
        this.credentials = new Credentials(name, properties.auth(), this::postTokenForm, clock);
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(properties.maxConnections())
                .setMaxConnPerRoute(properties.maxConnections())
                .setDnsResolver(guard)
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

    /** The object's endpoints, defaults and profile applied: worked out once per object, not once per call. */
    public ObjectEndpoints object(String object) {
        return objects.computeIfAbsent(object, properties::object);
    }

    /** The URL of {@code endpoint} for a record of {@code object}. */
    public String url(ObjectEndpoints.Endpoint endpoint, String object, String targetId) {
        String path = endpoint.path().replace("{object}", encode(object));
        if (targetId != null) {
            path = path.replace("{id}", encode(targetId));
        }
        return base() + path;
    }

    /** The URL of a lookup, its {@code {field}} placeholders filled from {@code payload}; null when a field is missing. */
    public String lookupUrl(ObjectEndpoints.Lookup lookup, String object, Map<String, Object> payload) {
        return filledUrl(lookup.path().replace("{object}", encode(object)), payload);
    }

    /** The URL of {@code path} on this connection, its {@code {name}} placeholders filled from {@code values}; null when one is missing. */
    public String filledUrl(String pathTemplate, Map<String, Object> values) {
        String path = Placeholders.fill(pathTemplate, values, value -> UriUtils.encode(value, StandardCharsets.UTF_8));
        return path == null ? null : base() + path;
    }

    /** The base URL without a trailing slash, this instance's address filled in for a bare path. */
    private String base() {
        return localServer.resolve(properties.baseUrl()).replaceAll("/+$", "");
    }

    /** Whether the destination takes an idempotency key on creates. */
    public boolean idempotentInserts() {
        return properties.idempotencyKeyHeader() != null && !properties.idempotencyKeyHeader().isBlank();
    }

    public DeliveryResult send(ObjectEndpoints.Endpoint endpoint, String object, String targetId, String json) {
        return send(endpoint.method(), url(endpoint, object, targetId), json, null, true);
    }

    /**
     * Sends an insert under {@code idempotencyKey}, in the connection's idempotency header when it has
     * one. Without it, a create whose answer never came is not sent again: it may have landed.
     */
    public DeliveryResult sendInsert(ObjectEndpoints.Endpoint endpoint, String object, String json, String idempotencyKey) {
        boolean keyed = idempotentInserts() && idempotencyKey != null;
        return send(endpoint.method(), url(endpoint, object, null), json,
                keyed ? new String[] {properties.idempotencyKeyHeader(), idempotencyKey} : null, keyed);
    }

    /** Sends a bulk call; {@code repeatable} is false for creates, which are not repeated when their answer never came. */
    public DeliveryResult sendBulk(BulkEndpoint bulk, String object, String json, boolean repeatable) {
        String url = base() + bulk.path().replace("{object}", encode(object));
        return send("POST", url, json, null, repeatable);
    }

    /** A call that is safe to repeat: one that changes nothing (a lookup), or sets the same values again (a write back). */
    public DeliveryResult sendRepeatable(String method, String url, String json) {
        return send(method, url, json, null, true);
    }

    /**
     * Sends a request, through the connection's gate (rate limit, Retry-After), retrying what may pass
     * as its retry policy says. {@code repeatable}: sending it twice does no harm.
     */
    private DeliveryResult send(String method, String url, String json, String[] extraHeader, boolean repeatable) {
        Optional<String> refused = guard.refusal(url).or(() -> dotSegment(url));
        if (refused.isPresent()) {
            return new DeliveryResult(method, scrub(url), scrub(json), 0, null, scrub(refused.get()), 0, false);
        }
        Instant started = clock.instant();
        RetryPolicy retry = properties.retry();
        int calls = 0;
        boolean tokenRenewed = false;
        while (true) {
            gate.acquire();
            calls++;
            Answer answer = callInFlight(method, url, json, extraHeader);
            Duration elapsed = Duration.between(started, clock.instant());
            if (answer.succeeded()) {
                return result(method, url, json, answer, null, calls, false);
            }
            if (answer.status() == 401 && credentials.refreshable() && !tokenRenewed) {
                credentials.tokenRefused();
                tokenRenewed = true;
                continue;
            }
            boolean mayHaveLanded = answer.status() == 0 && answer.maybeSent() && !repeatable;
            Duration wait;
            if (answer.status() == 429) {
                wait = RetryAfter.from(answer.retryAfter(), clock.instant()).orElse(retry.backoff(calls));
                gate.pauseUntil(clock.instant().plus(wait));
            } else if (retryable(answer, repeatable) && calls < retry.maxAttempts()) {
                wait = retry.backoff(calls);
            } else {
                return result(method, url, json, answer, answer.describe(method, url), calls, mayHaveLanded);
            }
            if (elapsed.plus(wait).compareTo(retry.maxElapsed()) > 0) {
                return result(method, url, json, answer, answer.describe(method, url) + " (gave up after " + calls
                        + " calls in " + elapsed.toSeconds() + " s)", calls, mayHaveLanded);
            }
            if (answer.status() != 429) {
                time.waitFor(wait);
            }
        }
    }

    /**
     * An id {@code .} or {@code ..} in a path would name another resource (the collection, its parent);
     * such a request is not sent.
     */
    private Optional<String> dotSegment(String url) {
        String path = java.net.URI.create(url).getRawPath();
        for (String segment : path == null ? new String[0] : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("connection '" + name + "' refuses " + url + ": a path segment is '" + segment
                        + "' (an id '.' or '..' cannot be sent in a path)");
            }
        }
        return Optional.empty();
    }

    /** Calls under way at once on this connection stay within max-in-flight, whichever syncs make them. */
    private Answer callInFlight(String method, String url, String json, String[] extraHeader) {
        inFlight.acquireUninterruptibly();
        try {
            return call(method, url, json, extraHeader);
        } finally {
            inFlight.release();
        }
    }

    public int maxInFlight() {
        return properties.maxInFlight();
    }

    /**
     * 5xx and 408 may pass; a call that failed before it was sent may always be repeated, one after only if
     * harmless; a refused host stays refused.
     */
    private static boolean retryable(Answer answer, boolean repeatable) {
        if (answer.failure() instanceof HostGuard.RefusedHostException) {
            return false;
        }
        if (answer.status() > 0) {
            return RetryPolicy.retryableStatus(answer.status());
        }
        return !answer.maybeSent() || repeatable;
    }

    private Answer call(String method, String url, String json, String[] extraHeader) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(credentials.url(url)));
        properties.headers().forEach(request::addHeader);
        if (extraHeader != null) {
            request.setHeader(extraHeader[0], extraHeader[1]);
        }
        request.setHeader("Accept", "application/json");
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        try {
            credentials.apply(request);
        } catch (IOException | RuntimeException e) {
            return new Answer(0, null, null, e instanceof IOException io ? io : new IOException(e.getMessage(), e), false);
        }
        try {
            return client.execute(request, response -> {
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Answer(response.getCode(),
                        response.getEntity() == null ? "" : scrub(EntityUtils.toString(response.getEntity())),
                        retryAfter == null ? null : retryAfter.getValue(), null, true);
            });
        } catch (IOException e) {
            // Refused or unresolved connections never sent the request; anything later may have.
            boolean sent = !(e instanceof ConnectException || e instanceof ConnectTimeoutException
                    || e instanceof UnknownHostException);
            return new Answer(0, null, null, e, sent);
        }
    }

    private DeliveryResult result(String method, String url, String json, Answer answer, String error, int calls,
            boolean mayHaveLanded) {
        return new DeliveryResult(method, scrub(url), scrub(json), answer.status(), answer.body(), scrub(error),
                calls, mayHaveLanded);
    }

    /** The OAuth2 token request: a form POST, through the same guard and pool as every other call. */
    private OAuth2Tokens.TokenEndpoint.Reply postTokenForm(String tokenUrl, String form) throws IOException {
        Optional<String> refused = guard.refusal(tokenUrl);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        HttpUriRequestBase request = new HttpUriRequestBase("POST", java.net.URI.create(tokenUrl));
        request.setHeader("Accept", "application/json");
        request.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
        return client.execute(request, response -> new OAuth2Tokens.TokenEndpoint.Reply(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity())));
    }

    /** Reads credential files again and drops any OAuth2 token: a rotated credential is used from the next call on. */
    void reload() {
        credentials.reload();
    }

    /** What one call got back: an answer (its body scrubbed as it arrived, before any cut), or the exception that stood for one. */
    private record Answer(int status, String body, String retryAfter, IOException failure, boolean maybeSent) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        String describe(String method, String url) {
            return status > 0
                    ? "HTTP " + status + " from " + method + " " + url + ": " + excerpt(body)
                    : failure.getClass().getSimpleName() + " calling " + method + " " + url + ": " + failure.getMessage()
                            + (maybeSent ? "" : " (not sent)");
        }
    }

    /** Credentials never leave through an answer echoed back, an exception text or a stored request. */
    public String scrub(String text) {
        return credentials.scrubber().scrub(text);
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
