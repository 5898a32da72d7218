package io.writeback.plan;

import io.writeback.pipeline.StageOptions;
import java.util.List;

/** {@code writeback:plan} takes no parameters: it plans against the link table of the running sync. */
public class PlanOptions implements StageOptions {

    @Override
    public void check(List<String> problems) {
        // nothing to check
    }
}
