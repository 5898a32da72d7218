package io.writeback.connection;

import io.writeback.connection.HttpTransport.Answer;
import io.writeback.kernel.ClusterSize;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * One connection as the delivery sees it: calls sent through its gate (rate limit, Retry-After) and
 * in-flight bound, with its credentials, retried as its policy says, scrubbed of its secrets.
 */
public final class HttpConnection implements AutoCloseable {

    private final String name;
    private final ConnectionProperties properties;
    private final HttpTransport transport;
    private final ConnectionUrls urls;
    private final ConnectionGate gate;
    private final ConnectionGate searchGate;
    private final InFlightLimit inFlight;
    private final Map<String, ObjectEndpoints> objects = new ConcurrentHashMap<>();
    private final HostGuard guard;
    private final Credentials credentials;
    private final Timekeeper time;
    private final CallMeters meters;
    private final WireFormat wire;
    /** The last value of the connection's usage header: how much of its quota the destination says is used. */
    private final java.util.concurrent.atomic.AtomicReference<String> usage = new java.util.concurrent.atomic.AtomicReference<>();

    HttpConnection(String name, ConnectionProperties properties, LocalServer localServer, Timekeeper time, CallMeters meters,
            ClusterSize cluster) {
        this.meters = meters;
        this.name = name;
        this.properties = properties;
        this.time = time;
        this.gate = new ConnectionGate(properties.rateLimit(), time, cluster);
        this.searchGate = new ConnectionGate(properties.searchRateLimit(), time, cluster);
        this.inFlight = new InFlightLimit(properties.maxInFlight(), cluster);
        this.guard = new HostGuard(name, properties.hosts(), properties.namedHosts());
        this.credentials = new Credentials(name, properties.auth(), this::postTokenForm, time.clock());
        this.transport = new HttpTransport(properties, guard);
        this.urls = new ConnectionUrls(properties.baseUrl(), localServer);
        this.wire = properties.odooJsonRpc() ? new OdooJsonRpc(properties.database(), properties.auth().username(),
                credentials::password, (url, json) -> transport.call(HttpTransport.jsonRequest("POST", url, json),
                        credentials.scrubber())) : WireFormat.AS_IS;
    }

    /** The object's endpoints, defaults and profile applied: worked out once per object, not once per call. */
    public ObjectEndpoints object(String object) {
        return objects.computeIfAbsent(object, properties::object);
    }

    /** How this connection's records are read back by id. */
    public RecordReads reads() {
        return properties.read();
    }

    /** The URLs of this connection's endpoints. */
    public ConnectionUrls urls() {
        return urls;
    }

    /** Whether the destination takes an idempotency key on creates. */
    public boolean idempotentInserts() {
        return properties.idempotencyKeyHeader() != null && !properties.idempotencyKeyHeader().isBlank();
    }

    public DeliveryResult send(ObjectEndpoints.Endpoint endpoint, String object, String targetId, String json) {
        return send(endpoint.method(), urls.of(endpoint, object, targetId), json, null, true, false);
    }

    /**
     * Sends an insert under {@code idempotencyKey}, in the connection's idempotency header when it has
     * one. Without it, a create whose answer never came is not sent again: it may have landed.
     */
    public DeliveryResult sendInsert(ObjectEndpoints.Endpoint endpoint, String object, String json, String idempotencyKey) {
        boolean keyed = idempotentInserts() && idempotencyKey != null;
        return send(endpoint.method(), urls.of(endpoint, object, null), json,
                keyed ? new String[] {properties.idempotencyKeyHeader(), idempotencyKey} : null, keyed, false);
    }

    /**
     * Sends a bulk write of the records {@code targetIds} name (updates, deletes); {@code repeatable} is false for
     * creates, which are not repeated when their answer never came.
     */
    public DeliveryResult sendBulk(BulkEndpoint bulk, String object, List<String> targetIds, String json, boolean repeatable) {
        return send(bulk.method(), urls.bulk(bulk, object, targetIds), json, null, repeatable, bulk.searches());
    }

    /** A call that is safe to repeat: one that changes nothing (a lookup), or sets the same values again (a write back). */
    public DeliveryResult sendRepeatable(String method, String url, String json) {
        return send(method, url, json, null, true, false);
    }

    /** Waits for the job a bulk call that {@code started} it named, and answers with the finished job's status. */
    public DeliveryResult awaitJob(BulkJob job, String object, DeliveryResult started) {
        return new JobWatch(this, time).await(job, object, started);
    }

    /**
     * Reads the job status at {@code url} every {@code pollEvery} until its state at {@code statusPointer} is one of
     * {@code done} or {@code failed}, a status call fails, or {@code timeout} has passed.
     */
    public JobOutcome awaitJob(String url, String statusPointer, List<String> done, List<String> failed, Duration pollEvery,
            Duration timeout) {
        return new JobWatch(this, time).await(url, statusPointer, done, failed, pollEvery, timeout);
    }

    /** A call that must not be repeated blindly, such as starting a job: sent once, retried only when it was not sent. */
    public DeliveryResult sendOnce(String method, String url, String json) {
        return send(method, url, json, null, false, false);
    }

    /** A lookup: safe to repeat; one that {@code searches} also waits for the connection's search rate limit. */
    public DeliveryResult sendLookup(String method, String url, String json, boolean searches) {
        return send(method, url, json, null, true, searches);
    }

    /**
     * Sends a request, through the connection's gate (rate limit, Retry-After), retrying what may pass
     * as its retry policy says. {@code repeatable}: sending it twice does no harm.
     */
    private DeliveryResult send(String method, String url, String json, String[] extraHeader, boolean repeatable,
            boolean searches) {
        Optional<String> refused = guard.refusal(url).or(() -> dotSegment(url));
        if (refused.isPresent()) {
            return new DeliveryResult(method, scrub(url), scrub(json), 0, null, scrub(refused.get()), 0, false);
        }
        Instant started = time.clock().instant();
        RetryPolicy retry = properties.retry();
        int calls = 0;
        boolean tokenRenewed = false;
        while (true) {
            ConnectionGate.Call search = searches ? searchGate.acquire() : null;
            ConnectionGate.Call call = gate.acquire();
            calls++;
            Answer answer;
            try {
                answer = callInFlight(method, url, json, extraHeader);
            } finally {
                gate.answered(call);
                if (search != null) {
                    searchGate.answered(search);
                }
            }
            meters.called(method, answer.status());
            if (answer.usage() != null) {
                usage.set(answer.usage());
                meters.quotaUsed(answer.usage());
            }
            Duration elapsed = Duration.between(started, time.clock().instant());
            if (answer.succeeded()) {
                return result(method, url, json, answer, null, calls, false);
            }
            if (answer.status() == 401 && credentials.refreshable() && !tokenRenewed) {
                credentials.tokenRefused();
                tokenRenewed = true;
                continue;
            }
            boolean mayHaveLanded = !repeatable && mayHaveLanded(answer);
            Duration wait;
            if (answer.status() == 429) {
                wait = RetryAfter.from(answer.retryAfter(), time.clock().instant()).orElse(retry.backoff(calls));
                (searches ? searchGate : gate).pauseUntil(time.clock().instant().plus(wait));
                meters.rateLimited(wait);
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
            meters.retried();
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

    /** Calls under way at once on this connection stay within this node's share of max-in-flight. */
    private Answer callInFlight(String method, String url, String json, String[] extraHeader) {
        inFlight.acquire();
        try {
            return call(method, url, json, extraHeader);
        } finally {
            inFlight.release();
        }
    }

    /** The calls this node may have under way at once: its share of the connection's max-in-flight. */
    public int maxInFlight() {
        return inFlight.share();
    }

    /** Where the connection stands with its rate limits now, for operators. */
    public String rateLimitState() {
        String state = gate.state();
        if (properties.searchRateLimit() != null) {
            state += "; searches: " + searchGate.state();
        }
        return usage.get() == null ? state : state + "; " + properties.usageHeader() + ": " + usage.get();
    }

    /**
     * A call that failed before it was sent may always be repeated; one sent (a 5xx or 408 answer, or none)
     * only if repeating it is harmless, which a create without an idempotency key is not; a refused host
     * stays refused.
     */
    private static boolean retryable(Answer answer, boolean repeatable) {
        if (answer.failure() instanceof HostGuard.RefusedHostException) {
            return false;
        }
        if (answer.status() > 0) {
            return RetryPolicy.retryableStatus(answer.status()) && repeatable;
        }
        return !answer.maybeSent() || repeatable;
    }

    /**
     * Whether the destination may have done what was asked although the answer says nothing usable: no
     * answer after sending (a timeout, a reset), or a 5xx or 408, which may come after the write landed.
     */
    private static boolean mayHaveLanded(Answer answer) {
        return answer.status() == 0 ? answer.maybeSent() : RetryPolicy.retryableStatus(answer.status());
    }

    private Answer call(String method, String url, String json, String[] extraHeader) {
        HttpUriRequestBase request;
        try {
            WireFormat.Request sent = wire.outgoing(method, url, json);
            request = HttpTransport.jsonRequest(sent.method(), credentials.url(sent.url()), sent.json());
            properties.headers().forEach(request::addHeader);
            if (extraHeader != null) {
                request.setHeader(extraHeader[0], extraHeader[1]);
            }
            if (!wire.carriesCredentials()) {
                credentials.apply(request);
            }
        } catch (IOException | RuntimeException e) {
            return Answer.failed(e);
        }
        return wire.incoming(transport.call(request, credentials.scrubber()));
    }

    private DeliveryResult result(String method, String url, String json, Answer answer, String error, int calls,
            boolean mayHaveLanded) {
        return new DeliveryResult(method, scrub(url), scrub(json), answer.status(), answer.body(), scrub(error),
                calls, mayHaveLanded);
    }

    /** The OAuth2 token request: a form POST, through the same guard and pool as every other call. */
    private OAuth2Tokens.TokenEndpoint.Reply postTokenForm(String tokenUrl, String form, String authorization) throws IOException {
        Optional<String> refused = guard.refusal(tokenUrl);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        return transport.postForm(tokenUrl, form, authorization);
    }

    /** Reads credential files again and drops any OAuth2 token: a rotated credential is used from the next call on. */
    void reload() {
        credentials.reload();
        wire.reset();
    }

    /** Credentials never leave through an answer echoed back, an exception text or a stored request. */
    public String scrub(String text) {
        return credentials.scrubber().scrub(text);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    @Override
    public String toString() {
        return "connection " + name;
    }
}
