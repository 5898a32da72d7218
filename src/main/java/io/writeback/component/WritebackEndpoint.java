package io.writeback.component;

import io.writeback.delivery.DeliverOptions;
import io.writeback.group.GroupOptions;
import io.writeback.mapping.MappingOptions;
import io.writeback.plan.PlanOptions;
import io.writeback.source.SourceOptions;
import io.writeback.transform.TransformOptions;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * Reverse ETL stages: read rows from the warehouse, map, transform and plan them, and deliver them to a
 * business application's HTTP API, keeping a link table of what is where.
 *
 * <p>A {@code writeback:<stage>} endpoint is a step of a sync ({@code to}), never its trigger ({@code from}).
 * It holds the options of every stage, for Camel's tooling to read; only its own stage's are set. Free-text
 * parameters (SQL, scripts, mappings, templates) are marked {@code secret}: the YAML DSL passes those
 * {@code RAW(...)}, which keeps their {@code +}, {@code &} and {@code %} as written.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "writeback", title = "Writeback", syntax = "writeback:stage",
        producerOnly = true, remote = false, category = {Category.SAAS})
public class WritebackEndpoint extends DefaultEndpoint {

    @UriPath(enums = "source,map,transform,plan,deliver,group", description = "The stage of a sync this step is:"
            + " source, then, for each chunk, map, transform (optional), plan and deliver; or group, the one step of a"
            + " group's route")
    @Metadata(required = true)
    private String stage;

    @UriParam
    private SourceOptions source = new SourceOptions();

    @UriParam
    private MappingOptions map = new MappingOptions();

    @UriParam
    private TransformOptions transform = new TransformOptions();

    @UriParam
    private PlanOptions plan = new PlanOptions();

    @UriParam
    private DeliverOptions deliver = new DeliverOptions();

    @UriParam
    private GroupOptions group = new GroupOptions();

    private Processor processor;

    WritebackEndpoint(String uri, Component component, String stage) {
        super(uri, component);
        this.stage = stage;
    }

    @Override
    public Producer createProducer() {
        if (processor == null) {
            throw new IllegalStateException(getEndpointUri() + " is only being validated");
        }
        return new DefaultProducer(this) {
            @Override
            public void process(org.apache.camel.Exchange exchange) throws Exception {
                processor.process(exchange);
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new IllegalArgumentException(getEndpointUri() + " is a step of a sync; start the route with quartz: or timer:");
    }

    void runs(Processor processor) {
        this.processor = processor;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public SourceOptions getSource() {
        return source;
    }

    public void setSource(SourceOptions source) {
        this.source = source;
    }

    public MappingOptions getMap() {
        return map;
    }

    public void setMap(MappingOptions map) {
        this.map = map;
    }

    public TransformOptions getTransform() {
        return transform;
    }

    public void setTransform(TransformOptions transform) {
        this.transform = transform;
    }

    public PlanOptions getPlan() {
        return plan;
    }

    public void setPlan(PlanOptions plan) {
        this.plan = plan;
    }

    public DeliverOptions getDeliver() {
        return deliver;
    }

    public void setDeliver(DeliverOptions deliver) {
        this.deliver = deliver;
    }

    public GroupOptions getGroup() {
        return group;
    }

    public void setGroup(GroupOptions group) {
        this.group = group;
    }
}
