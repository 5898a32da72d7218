package io.writeback.connection;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * All destinations Writeback may write to, by name: HTTP connections ({@code writeback.connections.*})
 * and the databases target ids may be written back to ({@code writeback.databases.*}).
 */
@ConfigurationProperties("writeback")
public record ConnectionsProperties(Map<String, ConnectionProperties> connections, Map<String, DatabaseProperties> databases) {

    /** The name of the warehouse as a write-back database: always there, configured under writeback.warehouse. */
    public static final String WAREHOUSE = "warehouse";

    public ConnectionsProperties {
        connections = connections == null ? Map.of() : connections;
        databases = databases == null ? Map.of() : databases;
    }

    /** What is wrong with database {@code name} as a write-back target; empty when it is usable. */
    public List<String> databaseProblems(String name) {
        if (WAREHOUSE.equals(name)) {
            return List.of();
        }
        DatabaseProperties database = databases.get(name);
        if (database == null) {
            List<String> known = new java.util.ArrayList<>(List.of(WAREHOUSE));
            known.addAll(databases.keySet());
            return List.of("unknown database '" + name + "' (configured: " + String.join(", ", known) + ")");
        }
        return database.url() == null || database.url().isBlank() ? List.of("database '" + name + "' needs url") : List.of();
    }

    /** What is wrong with {@code name} as a connection a sync writes to: not configured. */
    public List<String> unknownConnection(String name) {
        return connections.containsKey(name) ? List.of() : problems(name);
    }

    /** Sentences for every setting of the configured connection {@code name} that cannot work. */
    public List<String> settingsProblems(String name) {
        return connections.containsKey(name) ? problems(name) : List.of();
    }

    /** Sentences for every setting of connection {@code name} that cannot work; empty when it is usable. */
    public List<String> problems(String name) {
        ConnectionProperties connection = connections.get(name);
        return connection == null
                ? List.of("unknown connection '" + name + "' (configured: " + String.join(", ", connections.keySet()) + ")")
                : connection.problems(name);
    }
}
