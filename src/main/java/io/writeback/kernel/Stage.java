package io.writeback.kernel;

import org.apache.camel.Processor;

/** The Java side of one {@code writeback:} endpoint: makes the processor for a set of bound options. */
public interface Stage<O extends StageOptions> {

    /** The name that follows {@code writeback:} in a sync file. */
    String name();

    Processor processor(O options);
}
