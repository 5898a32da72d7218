package io.writeback.kernel;

import java.util.List;
import org.apache.camel.Exchange;

/** Reads what every per-chunk stage needs from the exchange, with a clear error when the route is mis-shaped. */
public final class StageChunk {

    private StageChunk() {
    }

    public static RunContext run(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.EXCHANGE_PROPERTY, RunContext.class);
        if (run == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId()
                    + ": a writeback stage ran outside a run; writeback:source must come first");
        }
        return run;
    }

    @SuppressWarnings("unchecked")
    public static List<SyncRecord> records(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        // The first element tells a chunk from any other list; a chunk is never mixed.
        if (!(body instanceof List<?> list) || !list.isEmpty() && !(list.get(0) instanceof SyncRecord)) {
            throw new IllegalStateException("route " + exchange.getFromRouteId()
                    + ": a writeback stage expects a chunk of records; put it inside the split of writeback:source's body");
        }
        return (List<SyncRecord>) body;
    }
}
