package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import org.springframework.jdbc.core.RowMapper;

/** What the link classes share: the columns of a {@link Link} and one mapper for them. */
final class LinkSql {

    static final String LINK_COLUMNS = """
            source_id, target_id, status, payload_hash, attempts, last_run_id, intent_key,
            echo_payload::text AS echo_payload, write_back_error, row_hash""";

    static final RowMapper<Link> LINK = (rs, row) -> new Link(rs.getString("source_id"), rs.getString("target_id"),
            LinkStatus.fromDb(rs.getString("status")), rs.getString("payload_hash"), rs.getInt("attempts"),
            rs.getObject("last_run_id", Long.class), rs.getString("intent_key"), rs.getString("echo_payload"),
            rs.getString("write_back_error"), rs.getObject("row_hash", Long.class));

    private LinkSql() {
    }
}
