package io.writeback.delivery;

import io.writeback.kernel.WorkerThreads;
import org.springframework.stereotype.Component;

/**
 * The threads that carry a chunk's calls out together on connections that allow several in flight;
 * each connection's own bound keeps the calls under way within its max-in-flight.
 */
@Component
public class DeliveryThreads extends WorkerThreads {

    DeliveryThreads() {
        super("deliver");
    }
}
