package io.writeback.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
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

/**
 * One connection's pooled HTTP client, making single calls. Timeouts, pool size and keep-alive are set
 * here rather than left to library defaults; redirects and automatic retries are off, so that every
 * call made is a call decided and counted by Writeback. Names resolve through the outbound guard.
 */
final class HttpTransport implements AutoCloseable {

    private static final int EXCERPT = 2_000;

    private final CloseableHttpClient client;
    private final String usageHeader;
    private final String retryAfterHeader;

    HttpTransport(ConnectionProperties properties, HostGuard guard) {
        this.usageHeader = properties.usageHeader();
        this.retryAfterHeader = properties.retryAfterHeader();
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

    /** A request with a JSON body, or none when {@code json} is null. */
    static HttpUriRequestBase jsonRequest(String method, String url, String json) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(url));
        request.setHeader("Accept", "application/json");
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        return request;
    }

    /** Makes one call; the answer's body passes {@code scrubber} as it arrives, before anything can cut it. */
    Answer call(HttpUriRequestBase request, Scrubber scrubber) {
        try {
            return client.execute(request, response -> {
                Header retryAfter = response.getFirstHeader("Retry-After");
                if (retryAfter == null && retryAfterHeader != null) {
                    retryAfter = response.getFirstHeader(retryAfterHeader);
                }
                Header usage = usageHeader == null ? null : response.getFirstHeader(usageHeader);
                return new Answer(response.getCode(),
                        response.getEntity() == null ? "" : scrubber.scrub(EntityUtils.toString(response.getEntity())),
                        retryAfter == null ? null : retryAfter.getValue(), usage == null ? null : usage.getValue(), null, true, null);
            });
        } catch (IOException e) {
            // Refused or unresolved connections never sent the request; anything later may have.
            boolean sent = !(e instanceof ConnectException || e instanceof ConnectTimeoutException
                    || e instanceof UnknownHostException);
            return new Answer(0, null, null, null, e, sent, null);
        }
    }

    /** A form POST (an OAuth2 token request), its answer unscrubbed: it holds the token being fetched. */
    OAuth2Tokens.TokenEndpoint.Reply postForm(String url, String form, String authorization) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase("POST", URI.create(url));
        request.setHeader("Accept", "application/json");
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        request.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
        return client.execute(request, response -> new OAuth2Tokens.TokenEndpoint.Reply(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /**
     * What one call got back: an answer (its body scrubbed, its Retry-After and the connection's usage header),
     * or the exception that stood for one. {@code refusal}: a protocol inside HTTP (JSON-RPC) said the call
     * failed, in an answer HTTP calls a success.
     */
    record Answer(int status, String body, String retryAfter, String usage, IOException failure, boolean maybeSent,
            String refusal) {

        static Answer failed(Exception e) {
            return new Answer(0, null, null, null, e instanceof IOException io ? io : new IOException(e.getMessage(), e), false,
                    null);
        }

        /** The same answer, its body replaced by what a protocol inside HTTP carried. */
        Answer withBody(String newBody) {
            return new Answer(status, newBody, retryAfter, usage, failure, maybeSent, refusal);
        }

        /** The same answer, refused by a protocol inside HTTP ({@code what}: "a JSON-RPC error"), its error as the body. */
        Answer refused(String what, String error) {
            return new Answer(status, error, retryAfter, usage, failure, maybeSent, what);
        }

        boolean succeeded() {
            return status >= 200 && status < 300 && refusal == null;
        }

        String describe(String method, String url) {
            return status > 0
                    ? "HTTP " + status + " from " + method + " " + url + (refusal == null ? "" : " carrying " + refusal) + ": "
                            + excerpt(body)
                    : failure.getClass().getSimpleName() + " calling " + method + " " + url + ": " + failure.getMessage()
                            + (maybeSent ? "" : " (not sent)");
        }

        private static String excerpt(String body) {
            return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "...";
        }
    }
}
