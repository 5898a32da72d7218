package io.writeback.jmx;

import io.writeback.connection.Connections;

/** One connection's MBean. */
final class ConnectionControl implements ConnectionControlMBean {

    private final String connection;
    private final Connections connections;

    ConnectionControl(String connection, Connections connections) {
        this.connection = connection;
        this.connections = connections;
    }

    @Override
    public String getRateLimitState() {
        return connections.get(connection).rateLimitState();
    }

    @Override
    public int getMaxInFlight() {
        return connections.get(connection).maxInFlight();
    }

    @Override
    public String reloadCredentials() {
        connections.reload(connection);
        return "credentials of connection '" + connection + "' read again";
    }
}
