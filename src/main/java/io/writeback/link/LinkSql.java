package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowMapper;

/** What the link classes share: the columns of a {@link Link}, one mapper for them, and SQL whose statuses come from {@link LinkStatus}. */
final class LinkSql {

    static final String LINK_COLUMNS = """
            source_id, target_id, status, payload_hash, attempts, last_run_id, intent_key,
            echo_payload::text AS echo_payload, write_back_error""";

    static final RowMapper<Link> LINK = (rs, row) -> new Link(rs.getString("source_id"), rs.getString("target_id"),
            LinkStatus.fromDb(rs.getString("status")), rs.getString("payload_hash"), rs.getInt("attempts"),
            rs.getObject("last_run_id", Long.class), rs.getString("intent_key"), rs.getString("echo_payload"),
            rs.getString("write_back_error"));

    private static final Pattern STATUS = Pattern.compile("\\{([A-Z_]+)}");

    private LinkSql() {
    }

    /** {@code sql} with each {@code {STATUS}} (a {@link LinkStatus} name) replaced by that status's quoted value. */
    static String withStatuses(String sql) {
        Matcher token = STATUS.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            token.appendReplacement(out, "'" + LinkStatus.valueOf(token.group(1)).dbValue() + "'");
        }
        return token.appendTail(out).toString();
    }

    static Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
