package io.writeback.kernel;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;

/** A pool of daemon threads named after their work, which grows with the runs under way and stops with Writeback. */
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
        return executor.submit(work::get);
    }

    @Override
    public void execute(Runnable work) {
        executor.execute(work);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
