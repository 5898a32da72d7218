package io.writeback.sync;

import io.writeback.delivery.DeliverOptions;
import io.writeback.mapping.Relation;
import io.writeback.source.SourceOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated sync, as declared in its file: what the API lists and what later stages can rely on.
 *
 * @param trigger  the {@code from} endpoint URI
 * @param schedule the cron expression or timer period, readable for people
 */
public record SyncDefinition(String name, String description, Path file, String trigger, String schedule,
        SourceOptions source, List<Relation> relations, DeliverOptions deliver) {
}
