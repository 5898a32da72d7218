package io.writeback.connection;

/**
 * A database target ids may be written back to ({@code writeback.databases.<name>}), besides the
 * warehouse: the system of record a sync's rows come from, for example.
 */
public record DatabaseProperties(String url, String username, String password, Integer maxConnections) {

    public DatabaseProperties {
        maxConnections = maxConnections == null ? 4 : maxConnections;
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + url + ", username=" + username + ", password=***]";
    }
}
