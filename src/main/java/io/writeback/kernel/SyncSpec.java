package io.writeback.kernel;

import java.util.Map;

/**
 * The settings of a whole sync that every stage of a run reads: declared on {@code writeback:source},
 * carried by the run.
 *
 * @param key       the source column that identifies a row
 * @param cursor    the column an incremental sync reads from its bookmark on, or null for full scans
 * @param linksOf   the sync whose link table this one reads and writes, when not its own
 * @param pair      the sync that syncs the other way between the same two systems, or null
 */
public record SyncSpec(String key, String cursor, SyncMode mode, int chunkSize, ErrorPolicy errorPolicy,
        Vanished vanished, String archiveField, String archiveValue, String linksOf, String pair) {

    public boolean incremental() {
        return cursor != null;
    }

    /** The sync whose link table a sync named {@code ownName} uses. */
    public String linkSync(String ownName) {
        return linksOf != null ? linksOf : ownName;
    }

    /** The fields an archive sets: {@code archiveField = archiveValue}. */
    public Map<String, Object> archivePayload() {
        return Map.of(archiveField, archiveValue);
    }
}
