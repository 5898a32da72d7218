package io.writeback.support;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds each request of the stubs that name it until {@link #expect(int)} requests are held at once,
 * and counts the most it held at once: how many calls a client has under way together, read without
 * timing anything. A client that never sends that many together has each request held for ten seconds.
 */
public class HoldTogether implements ResponseTransformerV2 {

    public static final String NAME = "hold-together";

    private static volatile CountDownLatch together = new CountDownLatch(0);
    private static final AtomicInteger HELD = new AtomicInteger();
    private static final AtomicInteger MOST = new AtomicInteger();

    /** The next {@code count} requests are held until all of them have come. */
    public static void expect(int count) {
        HELD.set(0);
        MOST.set(0);
        together = new CountDownLatch(count);
    }

    /** Lets every request held go on, however many came. */
    public static void releaseAll() {
        while (together.getCount() > 0) {
            together.countDown();
        }
    }

    /** The most requests held at once since {@link #expect(int)}. */
    public static int mostAtOnce() {
        return MOST.get();
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        MOST.accumulateAndGet(HELD.incrementAndGet(), Math::max);
        together.countDown();
        try {
            together.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            HELD.decrementAndGet();
        }
        return response;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
