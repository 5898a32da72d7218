package io.writeback.source;

import io.writeback.kernel.Action;
import io.writeback.kernel.DeferredPages;
import io.writeback.kernel.Link;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.SyncRecord;
import io.writeback.kernel.Vanished;
import io.writeback.link.LinkScans;
import java.util.List;

/**
 * The last pass of a mode mirror run: the linked records whose rows the run did not read, a page at
 * a time, each to be deleted or archived. When the run kept unchanged rows back, it did not read them
 * all: PostgreSQL then finds the links whose rows are gone in one pass over the query ({@link VanishedLinks}).
 * A source that returned no row at all deletes nothing: an emptied table is far likelier than a target
 * meant to be emptied.
 */
final class VanishedRecords implements DeferredPages.PageSource {

    private final RunContext run;
    private final LinkScans links;
    private final SourceReader reader;
    private final SourceOptions source;
    private VanishedLinks inDatabase;
    private String lastKey;

    VanishedRecords(RunContext run, LinkScans links, SourceReader reader, SourceOptions source) {
        this.run = run;
        this.links = links;
        this.reader = reader;
        this.source = source;
    }

    @Override
    public List<SyncRecord> nextPage() {
        run.settling().awaitSettled();
        List<Link> vanished = nextLinks();
        if (vanished.isEmpty()) {
            return List.of();
        }
        // No row read means an empty source, unless PostgreSQL kept them all back as unchanged.
        boolean emptySource = run.counts().totals().rowsRead() == 0
                && (!run.unchangedKeptBack() || !reader.returnsAnyRow(run, source));
        if (lastKey == null && emptySource) {
            throw new SourceQueryException("sync " + run.sync() + ": the query returned no rows, so mode mirror "
                    + "deletes none of the " + links.countInTarget(run.linkSync()) + " linked records; check the source");
        }
        lastKey = vanished.get(vanished.size() - 1).sourceId();
        Action action = run.spec().vanished() == Vanished.ARCHIVE ? Action.ARCHIVE : Action.DELETE;
        return vanished.stream().map(link -> SyncRecord.vanished(link, action)).toList();
    }

    private List<Link> nextLinks() {
        int pageSize = run.spec().chunkSize();
        if (!run.unchangedKeptBack()) {
            return links.notReadBy(run.linkSync(), run.runId(), lastKey, pageSize);
        }
        if (inDatabase == null) {
            inDatabase = reader.openVanished(run, source);
            run.attach(inDatabase);
        }
        return inDatabase.next(pageSize);
    }
}
