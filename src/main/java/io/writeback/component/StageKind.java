package io.writeback.component;

import io.writeback.delivery.DeliverOptions;
import io.writeback.group.GroupOptions;
import io.writeback.kernel.StageOptions;
import io.writeback.mapping.MappingOptions;
import io.writeback.plan.PlanOptions;
import io.writeback.source.SourceOptions;
import io.writeback.transform.TransformOptions;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The stages a sync file can use, as {@code writeback:<name>} endpoints. */
public enum StageKind {
    SOURCE(SourceOptions.STAGE, SourceOptions::new),
    MAP(MappingOptions.STAGE, MappingOptions::new),
    TRANSFORM(TransformOptions.STAGE, TransformOptions::new),
    PLAN(PlanOptions.STAGE, PlanOptions::new),
    DELIVER(DeliverOptions.STAGE, DeliverOptions::new),
    /** Not a stage of a sync: the one step of a group's route, which runs syncs in order. */
    GROUP(GroupOptions.STAGE, GroupOptions::new);

    public static final String SCHEME = "writeback";

    private final String stageName;
    private final Supplier<StageOptions> options;

    StageKind(String stageName, Supplier<StageOptions> options) {
        this.stageName = stageName;
        this.options = options;
    }

    public String stageName() {
        return stageName;
    }

    public String uri() {
        return SCHEME + ":" + stageName;
    }

    public StageOptions newOptions() {
        return options.get();
    }

    public static Optional<StageKind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.stageName.equals(name)).findFirst();
    }
}
