package io.writeback.explain;

import io.writeback.deadletter.DeadLetters;
import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RecordTrace.TracedRecord;
import io.writeback.kernel.RunScope;
import io.writeback.kernel.SyncMode;
import io.writeback.link.LinkRow;
import io.writeback.link.ManualLinks;
import io.writeback.run.RunLauncher;
import io.writeback.run.Trigger;
import io.writeback.run.UnknownSyncException;
import io.writeback.source.Bookmarks;
import io.writeback.source.SourceOptions;
import io.writeback.source.SourceReader;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Explains one source record: is it in the query's result, is it behind the bookmark, what its link
 * says, and what the next run would do with it, in one sentence. Reads only; writes nothing.
 */
@Component
public class RecordExplainer {

    private final SyncCatalog catalog;
    private final RunLauncher launcher;
    private final ManualLinks links;
    private final Bookmarks bookmarks;
    private final SourceReader reader;
    private final DeadLetters deadLetters;

    public RecordExplainer(SyncCatalog catalog, RunLauncher launcher, ManualLinks links, Bookmarks bookmarks,
            SourceReader reader, DeadLetters deadLetters) {
        this.catalog = catalog;
        this.launcher = launcher;
        this.links = links;
        this.bookmarks = bookmarks;
        this.reader = reader;
        this.deadLetters = deadLetters;
    }

    public RecordExplanation explain(String sync, String sourceId) {
        SyncDefinition definition = catalog.find(sync).orElseThrow(() -> new UnknownSyncException(sync));
        SourceOptions source = definition.source();
        RecordTrace preview = RecordTrace.dryRunOfAll(1);
        launcher.runTraced(sync, Trigger.API, RunScope.keys(List.of(sourceId)), preview);
        TracedRecord next = preview.records().isEmpty() ? null : preview.records().get(0);
        boolean inQuery = !preview.counts().isEmpty();
        String linkSync = source.spec().linkSync(sync);
        LinkRow link = links.row(linkSync, sourceId).orElse(null);
        String bookmark = source.incremental() ? bookmarks.of(sync).orElse(null) : null;
        Boolean behind = bookmark == null || !inQuery ? null
                : reader.isBehindBookmark(sync, source, sourceId, bookmark).orElse(null);
        long pending = deadLetters.countPending(sync, sourceId);
        return new RecordExplanation(sync, sourceId, inQuery, bookmark, behind, link, next, pending, preview.findings(),
                sentence(sourceId, source, inQuery, behind, link, next, preview));
    }

    private static String sentence(String id, SourceOptions source, boolean inQuery, Boolean behind, LinkRow link,
            TracedRecord next, RecordTrace preview) {
        if (!preview.findings().isEmpty() && !inQuery) {
            return "Record " + id + " cannot be evaluated: " + preview.findings().get(0);
        }
        if (!inQuery) {
            return "Record " + id + " is not in the query's result, so the sync does not send it"
                    + (link != null && link.targetId() != null
                            ? "; its target record " + link.targetId() + " stays as last synced"
                                    + (source.getMode() == SyncMode.MIRROR ? " until the next run removes it" : "")
                            : "") + ".";
        }
        String action = next == null ? "unchanged" : next.action();
        if (action.equals("invalid")) {
            return "Record " + id + " is invalid and is not sent: " + next.reason() + ".";
        }
        if (link != null && "error".equals(link.status())) {
            return "Record " + id + " failed on its last attempt (" + link.attempts() + " so far): " + link.lastError()
                    + "; the next run tries again.";
        }
        boolean wouldSend = action.equals("insert") || action.equals("update") || action.equals("delete")
                || action.equals("archive");
        if (Boolean.TRUE.equals(behind) && wouldSend) {
            return "Record " + id + " would " + action + ", but its cursor is behind the bookmark, so incremental runs "
                    + "do not read it: move its " + source.getCursor() + " forward, or resync.";
        }
        return switch (action) {
            case "insert" -> "Record " + id + " has no target record yet: the next run inserts it.";
            case "update" -> "Record " + id + " changed since it was last sent"
                    + (link.lastSyncedAt() == null ? "" : " on " + link.lastSyncedAt())
                    + ": the next run updates target record " + link.targetId() + ".";
            case "delete", "archive" -> "The next run will " + action + " target record " + link.targetId() + ".";
            case "skip" -> "Record " + id + " is skipped: " + next.reason() + ".";
            case "wait" -> "Record " + id + " is not sent yet: it is " + next.reason()
                    + "; every run tries again until that record is in the target.";
            case "recover" -> "Record " + id + " was sent as an insert whose outcome was never recorded: "
                    + (next.request() == null ? next.reason()
                            : "the next run recovers it (" + next.reason() + ") instead of creating it again") + ".";
            case "echo" -> "Record " + id + " holds what its paired sync wrote into it, so nothing is sent back to target record "
                    + link.targetId() + ".";
            default -> link == null ? "Record " + id + " is in the query's result, and the next run sends nothing for it."
                    : "Record " + id + " is in sync with target record " + link.targetId()
                    + ": the payload is the same as last sent" + (link.lastSyncedAt() == null ? "" : " on " + link.lastSyncedAt())
                    + ".";
        };
    }
}
