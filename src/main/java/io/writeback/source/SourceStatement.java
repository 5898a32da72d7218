package io.writeback.source;

import io.writeback.kernel.Identifiers;
import io.writeback.kernel.LinkStatus;
import io.writeback.kernel.PayloadRecipe;
import io.writeback.link.LinkCursor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The statement a run reads its rows with: the sync's query, each row given its hash, computed by
 * PostgreSQL ({@code hash_record_extended}, seeded by the payload's recipe) over the row and, when the
 * warehouse is Writeback's own database, over the links of the records it refers to (their target ids,
 * and whether they were deleted): all that a payload is made of but the recipe. Then, optionally, only the
 * rows from a bookmark on, or with some keys, or not kept back as unchanged, in cursor order, the first n.
 */
final class SourceStatement {

    /** The label of the row hash's column, after the query's own. */
    static final String ROW_HASH = "writeback.row_hash";

    /** Types whose extended hash tells apart every two values that print differently; others are hashed as text. */
    private static final Set<String> HASHED_AS_IS = Set.of("int2", "int4", "int8", "bool", "text", "varchar", "bpchar",
            "date", "timestamp", "timestamptz", "uuid", "bytea", "oid");

    /**
     * A row is kept back when its link is in sync, owes nothing (no echo to read back, no target id to write
     * back), and holds the hash of a payload made from the very row hash the row has now: Link#unchangedAt in SQL.
     */
    private static final String UNCHANGED = "(" + LinkCursor.settledSql("l") + " AND l.row_hash = %s)";

    private final SourceOptions source;
    private final String rowHash;
    private final StringBuilder from = new StringBuilder();
    private final List<String> conditions = new ArrayList<>();
    private final List<Binder> joinParameters = new ArrayList<>();
    private final List<Binder> conditionParameters = new ArrayList<>();
    private String order = "";
    private String limit = "";

    /** A column of the query's result and its PostgreSQL type name. */
    record Column(String name, String type) {
    }

    private SourceStatement(SourceOptions source, List<Column> columns, PayloadRecipe recipe, boolean joinsLinks) {
        this.source = source;
        from.append(" FROM (").append(source.sql()).append("\n) AS src");
        List<String> hashed = new ArrayList<>();
        for (Column column : columns) {
            // The query's own labels may be anything: quoted with their quotes doubled.
            String value = "src.\"" + column.name().replace("\"", "\"\"") + '"';
            hashed.add(HASHED_AS_IS.contains(column.type()) ? value : value + "::text");
        }
        if (joinsLinks) {
            List<PayloadRecipe.Reference> references = recipe.references();
            for (int i = 0; i < references.size(); i++) {
                String parent = "p" + i;
                from.append(" LEFT JOIN writeback.links ").append(parent).append(" ON ").append(parent).append(".sync = ? AND ")
                        .append(parent).append(".source_id = src.").append(Identifiers.quote(references.get(i).column())).append("::text");
                String linkSync = references.get(i).linkSync();
                joinParameters.add((statement, index) -> statement.setString(index, linkSync));
                hashed.add(parent + ".target_id");
                hashed.add(parent + ".status = '" + LinkStatus.DELETED.dbValue() + "'");
            }
        }
        this.rowHash = "hash_record_extended(ROW(" + String.join(", ", hashed) + "), " + recipe.seed() + ")";
    }

    /** Every row of the query, hashed; {@code joinsLinks}: the warehouse holds the link tables. */
    static SourceStatement of(SourceOptions source, List<Column> columns, PayloadRecipe recipe, boolean joinsLinks) {
        return new SourceStatement(source, columns, recipe, joinsLinks);
    }

    /** Only the rows whose link in {@code linkSync}'s table does not show them unchanged. */
    SourceStatement withoutUnchanged(String linkSync) {
        joinLinks(linkSync);
        conditions.add(UNCHANGED.formatted(rowHash) + " IS NOT TRUE");
        return this;
    }

    /** Only the rows that {@link #withoutUnchanged} keeps back. */
    SourceStatement onlyUnchanged(String linkSync) {
        joinLinks(linkSync);
        conditions.add(UNCHANGED.formatted(rowHash));
        return this;
    }

    /** Only the rows whose cursor is above {@code cursorValue} (null: all). */
    SourceStatement after(String cursorValue) {
        if (cursorValue != null) {
            conditions.add("src." + Identifiers.quote(source.getCursor()) + " > ?");
            conditionParameters.add((statement, index) -> statement.setObject(index, cursorValue, Types.OTHER));
        }
        return this;
    }

    private void joinLinks(String linkSync) {
        from.append(" LEFT JOIN writeback.links l ON l.sync = ? AND l.source_id = src.")
                .append(Identifiers.quote(source.getKey())).append("::text");
        joinParameters.add((statement, index) -> statement.setString(index, linkSync));
    }

    /** For an incremental sync, the rows at or after {@code bookmark} (null: all), in cursor order. */
    SourceStatement since(String bookmark) {
        if (!source.incremental()) {
            return this;
        }
        String cursor = "src." + Identifiers.quote(source.getCursor());
        if (bookmark != null) {
            conditions.add(cursor + " >= ?");
            // Sent untyped, so that PostgreSQL reads the text as the cursor column's own type.
            conditionParameters.add((statement, index) -> statement.setObject(index, bookmark, Types.OTHER));
        }
        order = " ORDER BY " + cursor;
        return this;
    }

    /** In the order of the keys' bytes, the order of {@link io.writeback.link.LinkCursor}. */
    SourceStatement orderedByKey() {
        order = " ORDER BY src." + Identifiers.quote(source.getKey()) + "::text COLLATE \"C\"";
        return this;
    }

    /** Only the rows with these keys. */
    SourceStatement keys(List<String> keys) {
        conditions.add("src." + Identifiers.quote(source.getKey()) + "::text = ANY (?)");
        conditionParameters.add((statement, index) -> statement.setArray(index,
                statement.getConnection().createArrayOf("text", keys.toArray())));
        return this;
    }

    /** Only the rows with these keys; none when there are none. */
    SourceStatement keysOrNone(List<String> keys) {
        return keys.isEmpty() ? first(0) : keys(keys);
    }

    /** Only the first {@code rows} rows; all of them when null. */
    SourceStatement first(Integer rows) {
        limit = rows == null ? "" : " LIMIT " + rows;
        return this;
    }

    /** The highest cursor value of the rows, as text; the statement answers one row. */
    String maxCursorSql() {
        return "SELECT max(src." + Identifiers.quote(source.getCursor()) + ")::text" + from
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
    }

    String sql() {
        return select("src.*, " + rowHash + " AS \"" + ROW_HASH + '"');
    }

    /** Only each row's key, as text, and its hash: what tells whether the row changed, without its columns. */
    String keysAndHashesSql() {
        return select("src." + Identifiers.quote(source.getKey()) + "::text, " + rowHash);
    }

    private String select(String columns) {
        return "SELECT " + columns + from + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + order + limit;
    }

    /**
     * At most {@code rows} rows of the statement, planned as if all were read: PostgreSQL plans a statement
     * that ends with a limit to give its first rows fast (probing the links row by row), which costs the most
     * when few rows or none come. The materialized query is planned whole and still stops at the limit.
     */
    String sqlAtMost(int rows) {
        return "WITH run_rows AS MATERIALIZED (" + sql() + ") SELECT * FROM run_rows LIMIT " + rows;
    }

    void bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Binder parameter : joinParameters) {
            parameter.bind(statement, index++);
        }
        for (Binder parameter : conditionParameters) {
            parameter.bind(statement, index++);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }
}
