package io.writeback.sync;

import java.nio.file.Path;
import java.util.List;

/** A group's route: the syncs it runs, in order. */
record GroupDefinition(String name, Path file, List<String> syncs) {
}
