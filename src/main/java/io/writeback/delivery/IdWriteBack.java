package io.writeback.delivery;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.writeback.connection.Connections;
import io.writeback.connection.ConnectionsProperties;
import io.writeback.connection.DatabaseProperties;
import io.writeback.connection.DeliveryResult;
import io.writeback.connection.HttpConnection;
import io.writeback.source.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Writes the target ids of new records back to the source: a statement on a named database (the
 * warehouse by default) with {@code :source_id} and {@code :target_id} bound, or a call on a named
 * connection. A failure is returned, never thrown: the insert stands, and the run goes on.
 */
@Component
public class IdWriteBack implements DisposableBean {

    private final Connections connections;
    private final Map<String, DatabaseProperties> databases;
    private final Map<String, NamedParameterJdbcTemplate> statements = new ConcurrentHashMap<>();
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

    public IdWriteBack(Connections connections, Warehouse warehouse, ConnectionsProperties properties) {
        this.connections = connections;
        this.databases = properties.databases();
        statements.put(ConnectionsProperties.WAREHOUSE, new NamedParameterJdbcTemplate(warehouse.dataSource()));
    }

    /** A database's pool is opened when a write back first needs it. */
    private NamedParameterJdbcTemplate database(String name) {
        return statements.computeIfAbsent(name, unopened -> {
            DatabaseProperties database = databases.get(name);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(database.url());
            config.setUsername(database.username());
            config.setPassword(database.password());
            config.setMaximumPoolSize(database.maxConnections());
            config.setPoolName("writeback-db-" + name);
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            return new NamedParameterJdbcTemplate(pool);
        });
    }

    @Override
    public void destroy() {
        pools.forEach(HikariDataSource::close);
    }

    /** Writes back each target id of {@code targetIds} (by source id); answers each source id with null, or why it failed. */
    public Map<String, String> write(DeliverOptions options, Map<String, String> targetIds) {
        if (targetIds.isEmpty()) {
            return Map.of();
        }
        return options.getWriteBackSql() != null ? bySql(database(options.getWriteBackDatabase()), options.getWriteBackSql(), targetIds)
                : byCall(options, targetIds);
    }

    private Map<String, String> bySql(NamedParameterJdbcTemplate database, String sql, Map<String, String> targetIds) {
        List<String> sourceIds = new ArrayList<>(targetIds.keySet());
        SqlParameterSource[] batch = sourceIds.stream().map(id -> parameters(id, targetIds.get(id))).toArray(SqlParameterSource[]::new);
        Map<String, String> outcomes = new LinkedHashMap<>();
        try {
            int[] changed = database.batchUpdate(sql, batch);
            for (int i = 0; i < sourceIds.size(); i++) {
                outcomes.put(sourceIds.get(i), changed[i] == 0 ? "the write-back statement changed no row" : null);
            }
        } catch (DataAccessException batchFailed) {
            // One bad record fails the whole batch: each is written alone, to tell which.
            for (int i = 0; i < sourceIds.size(); i++) {
                outcomes.put(sourceIds.get(i), bySqlAlone(database, sql, batch[i]));
            }
        }
        return outcomes;
    }

    private static String bySqlAlone(NamedParameterJdbcTemplate database, String sql, SqlParameterSource parameters) {
        try {
            return database.update(sql, parameters) == 0 ? "the write-back statement changed no row" : null;
        } catch (DataAccessException e) {
            return "the write-back statement failed: " + e.getMostSpecificCause().getMessage();
        }
    }

    private Map<String, String> byCall(DeliverOptions options, Map<String, String> targetIds) {
        HttpConnection connection = connections.get(options.getWriteBackConnection());
        Map<String, String> outcomes = new LinkedHashMap<>();
        targetIds.forEach((sourceId, targetId) -> {
            Map<String, Object> ids = Map.of("source_id", sourceId, "target_id", targetId);
            String url = connection.urls().filled(options.getWriteBackPath(), ids);
            String body = options.getWriteBackBody() == null ? null : JsonText.fill(options.getWriteBackBody(), ids);
            DeliveryResult call = connection.sendRepeatable(options.getWriteBackMethod(), url, body);
            outcomes.put(sourceId, call.succeeded() ? null : "the write-back call failed: " + call.error());
        });
        return outcomes;
    }

    private static MapSqlParameterSource parameters(String sourceId, String targetId) {
        return new MapSqlParameterSource("source_id", sourceId).addValue("target_id", targetId);
    }
}
