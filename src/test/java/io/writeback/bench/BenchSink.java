package io.writeback.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The destination of the benchmark, on its own thread pool: it counts calls and records and answers
 * at once (or after {@code latency}, as a remote API would), so that what is measured is Writeback's cost. {@code /sink/{object}} takes single creates,
 * {@code /sink/{object}/batch} bulk creates; {@code /limited/...} the same, but allows only
 * {@code limit} calls per {@code window} and answers the rest 429 with Retry-After.
 */
final class BenchSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without it, the JDK server's small answers wait on delayed ACKs: about 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ArrayDeque<Long> limitedCalls = new ArrayDeque<>();
    private final int limit;
    private final Duration window;
    private final Duration latency;

    BenchSink(int limit, Duration window, Duration latency) throws IOException {
        this.limit = limit;
        this.window = window;
        this.latency = latency;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/sink/", exchange -> answer(exchange, false));
        server.createContext("/limited/", exchange -> answer(exchange, true));
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    long calls() {
        return calls.get();
    }

    long records() {
        return records.get();
    }

    /** Calls answered 429 by the rate-limited endpoints. */
    long refused() {
        return refused.get();
    }

    void reset() {
        calls.set(0);
        records.set(0);
        refused.set(0);
        synchronized (limitedCalls) {
            limitedCalls.clear();
        }
    }

    private void answer(HttpExchange exchange, boolean limited) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (limited && !admitted()) {
            refused.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            reply(exchange, 429, "{}", Duration.ZERO);
            return;
        }
        calls.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/batch")) {
            JsonNode inputs = JSON.readTree(body).path("inputs");
            StringBuilder results = new StringBuilder("{\"results\":[");
            for (int i = 0; i < inputs.size(); i++) {
                results.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.incrementAndGet()).append("\"}");
            }
            records.addAndGet(inputs.size());
            reply(exchange, 200, results.append("]}").toString(), latency);
        } else {
            records.incrementAndGet();
            reply(exchange, "POST".equals(exchange.getRequestMethod()) ? 201 : 200,
                    "{\"id\":\"" + ids.incrementAndGet() + "\"}", latency);
        }
    }

    /** Answers now, or after {@code delay} (the latency of a remote API) from a timer, holding no pool thread meanwhile. */
    private void reply(HttpExchange exchange, int status, String body, Duration delay) throws IOException {
        if (delay.isZero()) {
            send(exchange, status, body);
            return;
        }
        timer.schedule(() -> {
            try {
                send(exchange, status, body);
            } catch (IOException e) {
                exchange.close();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A sliding window over the accepted calls of the limited endpoints. */
    private boolean admitted() {
        long now = System.nanoTime();
        synchronized (limitedCalls) {
            while (!limitedCalls.isEmpty() && now - limitedCalls.peekFirst() >= window.toNanos()) {
                limitedCalls.pollFirst();
            }
            if (limitedCalls.size() >= limit) {
                return false;
            }
            limitedCalls.addLast(now);
            return true;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        timer.shutdownNow();
    }
}
