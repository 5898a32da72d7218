package io.writeback.kernel;

import java.util.Optional;
import org.apache.camel.Exchange;

/** Begins the run a sync's exchange stands for, when it reaches the sync's source. */
public interface RunStarter {

    /** The run that starts now, or empty when the sync must not run now (another run of it is going). */
    Optional<RunContext> begin(Exchange exchange, SyncSpec spec);
}
