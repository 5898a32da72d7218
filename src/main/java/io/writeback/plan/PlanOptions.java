package io.writeback.plan;

import io.writeback.kernel.StageOptions;
import java.util.List;
import org.apache.camel.spi.UriParams;

/** {@code writeback:plan} takes no parameters: it plans against the link table of the running sync. */
@UriParams
public class PlanOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:plan}. */
    public static final String STAGE = "plan";

    @Override
    public void check(List<String> problems) {
        // nothing to check
    }
}
