package io.writeback.qa;

import io.writeback.kernel.Identifiers;
import io.writeback.source.SourceOptions;
import io.writeback.source.Warehouse;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * QA checks as SQL views, for a target whose data is loaded into the warehouse too: the sync's query joined through
 * its link table to the target's table. Three views in the {@code qa} schema: rows without a target record, links
 * whose target row is gone, and fields whose values differ (compared as text), one row per field.
 */
@Service
public class QaViews {

    /** The schema the views are made in. */
    static final String SCHEMA = "qa";

    /**
     * The target's table in the warehouse ({@code crm.contacts}), its id column ({@code id} by default), and the
     * fields compared: target column to source column; by default the columns of the same name in both.
     */
    public record ViewsRequest(String targetTable, String targetId, Map<String, String> fields) {
    }

    /** The views made, and the fields they compare (target column to source column). */
    public record Views(List<String> views, Map<String, String> compared) {
    }

    private final SyncCatalog catalog;
    private final Warehouse warehouse;

    QaViews(SyncCatalog catalog, Warehouse warehouse) {
        this.catalog = catalog;
        this.warehouse = warehouse;
    }

    /**
     * Makes (or makes again) the sync's QA views.
     *
     * @throws IllegalArgumentException naming what in the request cannot work
     * @throws IllegalStateException    when the warehouse is not the state database, so its SQL cannot reach the links
     */
    public Views create(String sync, ViewsRequest request) {
        SyncDefinition definition = QaChecks.comparable(catalog, sync);
        if (!warehouse.isStateDatabase()) {
            throw new IllegalStateException("the link tables live in Writeback's state database, and the warehouse is "
                    + "another database: the views can only join them when they are one (writeback.warehouse.url unset)");
        }
        JdbcTemplate jdbc = new JdbcTemplate(warehouse.dataSource());
        String[] table = tableName(request.targetTable());
        String targetId = Optional.ofNullable(request.targetId()).orElse("id");
        Set<String> targetColumns = targetColumns(jdbc, table, targetId, request.targetTable());
        SourceOptions source = definition.source();
        Map<String, String> compared = compared(request.fields(), targetColumns, sourceColumns(jdbc, source),
                new HashSet<>(Arrays.asList(targetId, source.getKey(), source.getCursor())), request.targetTable());
        Map<String, String> views = views(sync, source, table, targetId, compared);
        new TransactionTemplate(new DataSourceTransactionManager(warehouse.dataSource())).executeWithoutResult(status -> {
            jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            views.forEach((name, sql) -> {
                String view = SCHEMA + "." + Identifiers.quote(name);
                jdbc.execute("DROP VIEW IF EXISTS " + view);
                jdbc.execute("CREATE VIEW " + view + " AS\n" + sql);
            });
        });
        return new Views(views.keySet().stream().map(name -> SCHEMA + "." + name).toList(), compared);
    }

    /** The three views' queries, by view name: the sync's query, through its links, to the target's table. */
    private static Map<String, String> views(String sync, SourceOptions source, String[] table, String targetId,
            Map<String, String> compared) {
        String key = Identifiers.quote(source.getKey());
        String from = "FROM (" + source.sql() + "\n) AS src\n";
        String links = "writeback.links AS link ON link.sync = '" + Optional.ofNullable(source.getLinksOf()).orElse(sync)
                + "' AND link.source_id = src." + key + "::text\n";
        String target = Identifiers.quote(table[0]) + "." + Identifiers.quote(table[1]) + " AS tgt ON tgt."
                + Identifiers.quote(targetId) + "::text = link.target_id\n";
        String fields = compared.entrySet().stream().map(field -> "('" + field.getKey() + "', src."
                + Identifiers.quote(field.getValue()) + "::text, tgt." + Identifiers.quote(field.getKey()) + "::text)")
                .collect(Collectors.joining(", "));
        Map<String, String> views = new LinkedHashMap<>();
        views.put(sync + "_without_target", "SELECT src." + key + "::text AS source_id, link.status AS link_status, "
                + "link.last_error\n" + from + "LEFT JOIN " + links + "WHERE link.target_id IS NULL");
        views.put(sync + "_target_gone", "SELECT link.source_id, link.target_id\n" + from + "JOIN " + links + "LEFT JOIN "
                + target + "WHERE link.target_id IS NOT NULL AND tgt." + Identifiers.quote(targetId) + " IS NULL");
        views.put(sync + "_differing", "SELECT link.source_id, link.target_id, f.field, f.source_value, f.target_value\n"
                + from + "JOIN " + links + "JOIN " + target + "CROSS JOIN LATERAL (VALUES " + fields
                + ") AS f (field, source_value, target_value)\nWHERE f.source_value IS DISTINCT FROM f.target_value");
        return views;
    }

    /** The columns of the target's table, which must exist and hold {@code targetId}. */
    private static Set<String> targetColumns(JdbcTemplate jdbc, String[] table, String targetId, String targetTable) {
        Set<String> columns = new LinkedHashSet<>(jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?
                ORDER BY ordinal_position""", String.class, table[0], table[1]));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("'targetTable': the warehouse has no table " + targetTable);
        }
        if (!columns.contains(targetId)) {
            throw new IllegalArgumentException("'targetId': " + targetTable + " has no column '" + targetId + "'");
        }
        return columns;
    }

    /** [schema, table] of {@code schema.table}, each a plain identifier. */
    private static String[] tableName(String targetTable) {
        String[] parts = targetTable == null ? new String[0] : targetTable.split("\\.");
        if (parts.length != 2 || !Identifiers.isColumn(parts[0]) || !Identifiers.isColumn(parts[1])) {
            throw new IllegalArgumentException("'targetTable' is the target's table in the warehouse as schema.table, "
                    + "each a plain lowercase name, not '" + targetTable + "'");
        }
        return parts;
    }

    private static Set<String> sourceColumns(JdbcTemplate jdbc, SourceOptions source) {
        return jdbc.query("SELECT * FROM (" + source.sql() + "\n) AS src LIMIT 0", rs -> {
            ResultSetMetaData columns = rs.getMetaData();
            Set<String> names = new LinkedHashSet<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnLabel(i));
            }
            return names;
        });
    }

    /** The fields asked for, each checked; by default the columns of the same name, but the ids and the cursor. */
    private static Map<String, String> compared(Map<String, String> asked, Set<String> targetColumns, Set<String> sourceColumns,
            Set<String> notByDefault, String targetTable) {
        Map<String, String> compared = new LinkedHashMap<>();
        if (asked == null || asked.isEmpty()) {
            targetColumns.stream().filter(sourceColumns::contains).filter(column -> !notByDefault.contains(column))
                    .forEach(column -> compared.put(column, column));
        } else {
            List<String> problems = new ArrayList<>();
            asked.forEach((targetColumn, sourceColumn) -> {
                if (!targetColumns.contains(targetColumn)) {
                    problems.add(targetTable + " has no column '" + targetColumn + "'");
                }
                if (!sourceColumns.contains(sourceColumn)) {
                    problems.add("the query has no column '" + sourceColumn + "'");
                }
            });
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("'fields': " + String.join("; ", problems));
            }
            compared.putAll(asked);
        }
        if (compared.isEmpty()) {
            throw new IllegalArgumentException("'fields': the query and " + targetTable + " have no column of the same "
                    + "name to compare; give the fields as {\"target column\": \"source column\"}");
        }
        return compared;
    }
}
