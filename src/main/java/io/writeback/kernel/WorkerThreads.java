package io.writeback.kernel;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;

/**
 * A pool of daemon threads named after their work, which grows with the runs under way and stops with Writeback.
 * Work runs with the logging context (MDC: the sync and run) of the thread that handed it over.
 */
public abstract class WorkerThreads implements Executor, DisposableBean {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor;

    protected WorkerThreads(String name) {
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "writeback-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> Future<T> submit(Supplier<T> work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return executor.submit(() -> {
            withContext(context);
            try {
                return work.get();
            } finally {
                MDC.clear();
            }
        });
    }

    @Override
    public void execute(Runnable work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        executor.execute(() -> {
            withContext(context);
            try {
                work.run();
            } finally {
                MDC.clear();
            }
        });
    }

    private static void withContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
