package io.writeback.component;

import io.writeback.delivery.DeliverOptions;
import io.writeback.group.GroupOptions;
import io.writeback.kernel.StageOptions;
import io.writeback.mapping.MappingOptions;
import io.writeback.plan.PlanOptions;
import io.writeback.source.SourceOptions;
import io.writeback.transform.TransformOptions;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.camel.spi.UriParam;

/** The stages a sync file can use, as {@code writeback:<name>} endpoints, and where each one's options sit on the endpoint. */
public enum StageKind {
    SOURCE(SourceOptions.STAGE, SourceOptions.class, WritebackEndpoint::getSource),
    MAP(MappingOptions.STAGE, MappingOptions.class, WritebackEndpoint::getMap),
    TRANSFORM(TransformOptions.STAGE, TransformOptions.class, WritebackEndpoint::getTransform),
    PLAN(PlanOptions.STAGE, PlanOptions.class, WritebackEndpoint::getPlan),
    DELIVER(DeliverOptions.STAGE, DeliverOptions.class, WritebackEndpoint::getDeliver),
    /** Not a stage of a sync: the one step of a group's route, which runs syncs in order. */
    GROUP(GroupOptions.STAGE, GroupOptions.class, WritebackEndpoint::getGroup);

    public static final String SCHEME = "writeback";

    private final String stageName;
    private final Function<WritebackEndpoint, StageOptions> options;
    private final SortedSet<String> parameters;

    StageKind(String stageName, Class<? extends StageOptions> type, Function<WritebackEndpoint, StageOptions> options) {
        this.stageName = stageName;
        this.options = options;
        this.parameters = parametersOf(type);
    }

    public String stageName() {
        return stageName;
    }

    public String uri() {
        return SCHEME + ":" + stageName;
    }

    /** This stage's options on {@code endpoint}. */
    StageOptions optionsOn(WritebackEndpoint endpoint) {
        return options.apply(endpoint);
    }

    /** The parameters this stage takes: its options' {@code @UriParam} fields, as the component descriptor lists them. */
    SortedSet<String> parameters() {
        return parameters;
    }

    /** The stage a {@code writeback:<stage>?...} URI names; empty for any other URI. */
    public static Optional<StageKind> ofUri(String uri) {
        if (uri == null || !uri.startsWith(SCHEME + ":")) {
            return Optional.empty();
        }
        String rest = uri.substring(SCHEME.length() + 1).replaceFirst("^//", "");
        int query = rest.indexOf('?');
        return named(query < 0 ? rest : rest.substring(0, query));
    }

    public static Optional<StageKind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.stageName.equals(name)).findFirst();
    }

    private static SortedSet<String> parametersOf(Class<?> type) {
        SortedSet<String> names = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param != null) {
                names.add(param.name().isEmpty() ? field.getName() : param.name());
            }
        }
        return names;
    }
}
