package io.writeback.pipeline;

import io.writeback.pipeline.StageKind;
import io.writeback.pipeline.StageOptions;
import org.apache.camel.Processor;

/** The Java side of one {@code writeback:} endpoint: makes the processor for a set of bound options. */
public interface Stage<O extends StageOptions> {

    StageKind kind();

    Processor processor(O options);
}
