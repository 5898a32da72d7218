package io.writeback.destination;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** All destinations Writeback may write to, by name ({@code writeback.connections.*}). */
@ConfigurationProperties("writeback")
public record ConnectionsProperties(Map<String, ConnectionProperties> connections) {

    public ConnectionsProperties {
        connections = connections == null ? Map.of() : connections;
    }

    /** Sentences for every setting of connection {@code name} that cannot work; empty when it is usable. */
    public List<String> problems(String name) {
        ConnectionProperties connection = connections.get(name);
        return connection == null
                ? List.of("unknown connection '" + name + "' (configured: " + String.join(", ", connections.keySet()) + ")")
                : connection.problems(name);
    }
}
