package io.writeback.sync;

import java.util.List;

/**
 * What validating a routes directory found: the syncs, ready to run, their groups, and what is questionable but not
 * wrong, each warning naming its file. Problems are not part of it: they stop the start
 * ({@link InvalidSyncFilesException}).
 */
public record ValidationReport(List<SyncDefinition> syncs, List<GroupDefinition> groups, List<String> warnings) {
}
