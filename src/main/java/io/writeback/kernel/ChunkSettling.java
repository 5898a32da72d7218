package io.writeback.kernel;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The database writes that settle a run's chunks (links, dead letters, invalid rows, how far the run
 * is settled), made on another thread while the run reads, plans and sends its next chunk. One chunk's
 * writes are under way at most: the next chunk's wait for them, so chunks settle in order, and a
 * failure surfaces in the run at its next chunk or at its end.
 */
public final class ChunkSettling {

    private CompletableFuture<Void> underWay = CompletableFuture.completedFuture(null);
    // Read for every record planned, from the route thread; written only by submit, on the same thread.
    private volatile Set<String> lastSourceIds = Set.of();
    private volatile Set<String> sourceIdsBeforeLast = Set.of();

    /** Waits for the previous chunk's writes, then starts {@code writes}, which settle the records {@code sourceIds}. */
    public synchronized void submit(Executor executor, Set<String> sourceIds, Runnable writes) {
        awaitSettled();
        sourceIdsBeforeLast = lastSourceIds;
        lastSourceIds = sourceIds;
        underWay = CompletableFuture.runAsync(writes, executor);
    }

    /** Waits until every chunk submitted is settled; rethrows the failure of its writes, if they failed. */
    public synchronized void awaitSettled() {
        try {
            underWay.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Whether one of the last two chunks submitted wrote the link of {@code sourceId}. A chunk's links
     * are looked up as it is read ahead, while the chunk before it is worked on and the one before that
     * may still be settling: a lookup shows the writes of every earlier chunk, but not of those two.
     */
    public boolean wroteRecently(String sourceId) {
        return lastSourceIds.contains(sourceId) || sourceIdsBeforeLast.contains(sourceId);
    }
}
