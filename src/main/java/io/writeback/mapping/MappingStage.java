package io.writeback.mapping;

import io.writeback.kernel.RunContext;
import io.writeback.kernel.Stage;
import io.writeback.kernel.StageChunk;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code writeback:map}: gives every record of a chunk still to be planned its payload, with the target
 * ids of the records its relations refer to (or makes it wait for them).
 */
@Component
public class MappingStage implements Stage<MappingOptions> {

    private final LinkStore links;

    public MappingStage(LinkStore links) {
        this.links = links;
    }

    @Override
    public String name() {
        return MappingOptions.STAGE;
    }

    @Override
    public Processor processor(MappingOptions options) {
        FieldMapping mapping = options.mapping();
        List<Relation> relations = options.relations();
        String fingerprint = options.fingerprint();
        return exchange -> {
            RunContext run = StageChunk.run(exchange);
            List<SyncRecord> chunk = StageChunk.records(exchange);
            run.useMapping(fingerprint);
            Set<String> bookkeeping = run.spec().incremental() ? Set.of(run.spec().cursor()) : Set.of();
            Optional<SyncRecord> toMap = chunk.stream().filter(record -> record.action() == null).findFirst();
            if (toMap.isPresent()) {
                Set<String> columns = toMap.get().row().keySet();
                List<String> missing = new ArrayList<>(mapping.missingColumns(columns));
                relations.stream().map(Relation::column).filter(column -> !columns.contains(column)).forEach(missing::add);
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException("sync " + run.sync() + ": the mapping reads column(s) "
                            + String.join(", ", missing) + ", which the query does not return (it returns: "
                            + String.join(", ", columns) + ")");
                }
            }
            for (SyncRecord record : chunk) {
                if (record.action() == null) {
                    record.setPayload(mapping.apply(record.row(), bookkeeping));
                }
            }
            RelationLookup.resolve(chunk, relations, links);
        };
    }
}
