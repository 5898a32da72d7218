package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The links a run's later passes go through: failed records the bookmark has passed, records whose rows left the source. */
@Repository
public class LinkScans {

    private static final String FAILED_BEFORE = LinkStatus.inSql("""
            SELECT source_id FROM writeback.links
            WHERE sync = ? AND status IN ({ERROR}, {WAITING}) AND last_run_id IS DISTINCT FROM ? AND source_id > ?
            ORDER BY source_id LIMIT ?""");

    private static final String IN_TARGET = LinkStatus.inSql("""
            FROM writeback.links WHERE sync = ? AND status <> {DELETED} AND target_id IS NOT NULL""");

    private static final String NOT_READ_BY = "SELECT " + LinkSql.LINK_COLUMNS + " " + IN_TARGET + """
             AND last_run_id IS DISTINCT FROM ? AND source_id > ?
            ORDER BY source_id LIMIT ?""";

    private static final String COUNT_FAILED = LinkStatus.inSql(
            "SELECT count(*) FROM writeback.links WHERE sync = ? AND status = {ERROR}");

    private final JdbcTemplate jdbc;

    public LinkScans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} source ids of records that failed in an earlier run, after {@code afterSourceId}
     * (null: from the start), in source id order: what a run retries although its bookmark has passed them.
     */
    public List<String> failedBefore(String sync, long runId, String afterSourceId, int limit) {
        return jdbc.queryForList(FAILED_BEFORE, String.class, sync, runId, afterSourceId == null ? "" : afterSourceId, limit);
    }

    /**
     * Up to {@code limit} links of records in the target whose rows run {@code runId} did not read, after
     * {@code afterSourceId} (null: from the start), in source id order: what mode mirror deletes or archives.
     */
    public List<Link> notReadBy(String sync, long runId, String afterSourceId, int limit) {
        return jdbc.query(NOT_READ_BY, LinkSql.LINK, sync, runId, afterSourceId == null ? "" : afterSourceId, limit);
    }

    /** How many records of {@code sync} failed in their last delivery. */
    public long countFailed(String sync) {
        return jdbc.queryForObject(COUNT_FAILED, Long.class, sync);
    }

    /** How many records of {@code sync} are in the target: linked and not deleted. */
    public long countInTarget(String sync) {
        return jdbc.queryForObject("SELECT count(*) " + IN_TARGET, Long.class, sync);
    }
}
