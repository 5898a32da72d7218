package io.writeback.destination;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that carry a chunk's calls out together on connections that allow several in flight;
 * each connection's own bound keeps the calls under way within its max-in-flight.
 */
@Component
public class DeliveryThreads implements DisposableBean {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "writeback-deliver-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    <T> Future<T> submit(Supplier<T> work) {
        return executor.submit(work::get);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
