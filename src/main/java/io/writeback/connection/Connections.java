package io.writeback.connection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.writeback.kernel.ClusterSize;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The configured destinations, each with its own HTTP client pool. */
@Component
public class Connections implements DisposableBean {

    private final ConnectionsProperties properties;
    private final Map<String, HttpConnection> open = new LinkedHashMap<>();

    /** @param cluster the live nodes, among which each connection's rate limit and calls in flight are shared */
    public Connections(ConnectionsProperties properties, LocalServer localServer, ObjectProvider<Timekeeper> time,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ClusterSize> cluster) {
        this.properties = properties;
        Timekeeper timekeeper = time.getIfAvailable(() -> Timekeeper.SYSTEM);
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        ClusterSize nodes = cluster.getIfAvailable(() -> ClusterSize.ALONE);
        properties.connections().forEach((name, connection) -> open.put(name,
                new HttpConnection(name, connection, localServer, timekeeper, new CallMeters(registry, name), nodes)));
    }

    /** Reads the credentials of {@code name} again (rotated files, a new OAuth2 token), without a restart. */
    public void reload(String name) {
        get(name).reload();
    }

    /** The names of the configured connections. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(open.keySet());
    }

    public boolean exists(String name) {
        return open.containsKey(name);
    }

    public HttpConnection get(String name) {
        HttpConnection connection = open.get(name);
        if (connection == null) {
            throw new IllegalArgumentException(properties.problems(name).get(0));
        }
        return connection;
    }

    @Override
    public void destroy() throws IOException {
        for (HttpConnection connection : open.values()) {
            connection.close();
        }
    }
}
