package io.writeback.delivery;

import io.writeback.kernel.WorkerThreads;
import org.springframework.stereotype.Component;

/** The threads that write the outcomes of runs' chunks while the runs go on with their next chunks. */
@Component
public class SettlingThreads extends WorkerThreads {

    SettlingThreads() {
        super("settle");
    }
}
