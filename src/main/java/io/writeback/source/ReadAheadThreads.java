package io.writeback.source;

import io.writeback.kernel.WorkerThreads;
import org.springframework.stereotype.Component;

/** The threads that read a run's next chunk from the source while the run works on the one before. */
@Component
public class ReadAheadThreads extends WorkerThreads {

    ReadAheadThreads() {
        super("read");
    }
}
