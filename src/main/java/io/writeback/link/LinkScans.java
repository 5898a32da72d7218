package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String NOT_IN_SOURCE = "SELECT " + LinkSql.LINK_COLUMNS + " " + IN_TARGET + """
             AND NOT EXISTS (SELECT 1 FROM (%s
            ) AS src WHERE src.%s::text = source_id)
            ORDER BY source_id""";

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

    /**
     * The statement that finds, in one pass, the links of records in the target whose rows {@code sourceSql}
     * (keyed by {@code quotedKey}) no longer returns; its one parameter is the sync. Read with {@link #link}.
     */
    public static String notInSource(String sourceSql, String quotedKey) {
        return NOT_IN_SOURCE.formatted(sourceSql, quotedKey);
    }

    /** The link on the current row of a result of {@link #notInSource}. */
    public static Link link(ResultSet rs) throws SQLException {
        return LinkSql.LINK.mapRow(rs, rs.getRow());
    }

    /** Whether {@code sync} has any link at all. */
    public boolean anyOf(String sync) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM writeback.links WHERE sync = ?)",
                Boolean.class, sync));
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
