package io.writeback.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * A group's route: the syncs it runs, in order.
 *
 * @param trigger  the {@code from} endpoint URI
 * @param schedule the cron expression or timer period, readable for people
 */
public record GroupDefinition(String name, String description, Path file, String trigger, String schedule,
        List<String> syncs) {
}
