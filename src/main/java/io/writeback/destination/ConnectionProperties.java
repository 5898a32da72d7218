package io.writeback.destination;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One named destination under {@code writeback.connections.<name>}.
 *
 * @param baseUrl        absolute URL, or a path such as {@code /sandbox} for this Writeback instance
 * @param auth           how requests authenticate; secrets come from the environment, never from sync files
 * @param headers        sent with every request
 * @param connectTimeout default 10 s
 * @param readTimeout    time allowed for an answer, default 120 s
 * @param maxConnections pooled connections to the destination, default 16
 * @param objects        per-object endpoints; an object not listed uses the REST conventions of {@link ObjectEndpoints}
 * @param idempotencyKeyHeader the header in which the destination accepts an idempotency key for creates,
 *                       if it does: an insert whose answer was lost is then sent again under the same key
 * @param retry          how failed calls are retried (defaults: {@link RetryPolicy#defaults()})
 * @param rateLimit      the calls allowed per interval, for all syncs on this connection together; none by default
 */
public record ConnectionProperties(String baseUrl, AuthProperties auth, Map<String, String> headers,
        Duration connectTimeout, Duration readTimeout, Integer maxConnections, Map<String, ObjectEndpoints> objects,
        String idempotencyKeyHeader, RetryPolicy retry, RateLimit rateLimit) {

    public ConnectionProperties {
        auth = auth == null ? new AuthProperties(AuthType.NONE, null, null, null, null, null) : auth;
        headers = headers == null ? Map.of() : headers;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(120) : readTimeout;
        maxConnections = maxConnections == null ? 16 : maxConnections;
        objects = objects == null ? Map.of() : objects;
        retry = retry == null ? RetryPolicy.defaults() : retry;
    }

    public ObjectEndpoints object(String name) {
        return objects.getOrDefault(name, ObjectEndpoints.conventional()).withDefaults();
    }

    /** Sentences for every setting that cannot work, each starting with the connection's name. */
    public List<String> problems(String name) {
        List<String> problems = new java.util.ArrayList<>();
        if (baseUrl == null || baseUrl.isBlank()) {
            problems.add("connection '" + name + "' needs base-url");
        } else if (!baseUrl.startsWith("/") && !baseUrl.matches("(?i)https?://.+")) {
            problems.add("connection '" + name + "' base-url must start with http://, https:// or / (this instance), not '"
                    + baseUrl + "'");
        }
        auth.problems().forEach(p -> problems.add("connection '" + name + "' " + p));
        if (rateLimit != null && (rateLimit.requests() < 1 || rateLimit.per() == null || rateLimit.per().isNegative()
                || rateLimit.per().isZero())) {
            problems.add("connection '" + name + "' rate-limit needs requests of at least 1 and a positive per");
        }
        if (retry.maxAttempts() < 1) {
            problems.add("connection '" + name + "' retry.max-attempts must be at least 1");
        }
        return problems;
    }
}
