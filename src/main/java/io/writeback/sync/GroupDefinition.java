package io.writeback.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * A group's route: the syncs it runs, in order.
 *
 * @param schedule the cron expression or timer period, readable for people
 */
public record GroupDefinition(String name, String description, Path file, String schedule, List<String> syncs) {
}
