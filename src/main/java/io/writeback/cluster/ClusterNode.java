package io.writeback.cluster;

import io.writeback.kernel.ClusterSize;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * This Writeback instance among those that share the state database: it registers under its node id, says it
 * is alive every {@code heartbeat-every}, and on each heartbeat lets the others' deaths be dealt with. Times are
 * the database's, so the nodes' own clocks may disagree. It starts first and stops last, after Camel.
 */
@Component
public class ClusterNode implements SmartLifecycle, ClusterSize, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    /** A node's state, with its silence limit in milliseconds as a parameter. */
    private static final String STATE = """
            CASE WHEN stopped_at IS NOT NULL THEN 'stopped'
                 WHEN heartbeat_at < now() - make_interval(secs => ?::bigint / 1000.0) THEN 'dead' ELSE 'alive' END""";

    /** A node as the cluster sees it; {@code state} is {@code alive}, {@code dead} (silent) or {@code stopped}. */
    public record NodeView(String id, String state, boolean self, OffsetDateTime startedAt, OffsetDateTime heartbeatAt,
            OffsetDateTime stoppedAt) {
    }

    private final String id;
    private final ClusterProperties properties;
    private final JdbcTemplate jdbc;
    private final List<Runnable> onHeartbeat = new CopyOnWriteArrayList<>();
    private final RowMapper<NodeView> view;
    private volatile int liveNodes = 1;
    private volatile boolean running;
    private ScheduledExecutorService heartbeats;

    /**
     * @param databaseUrl the state database's URL; unset, the database is this process's embedded one, which no
     *                    other node shares, and the node is named after its host alone, whatever its port
     */
    public ClusterNode(ClusterProperties properties, JdbcTemplate jdbc, @Value("${server.port:8080}") int port,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.id = properties.nodeId() != null && !properties.nodeId().isBlank() ? properties.nodeId()
                : databaseUrl.isBlank() ? host()
                : host() + ":" + (port > 0 ? Integer.toString(port) : "pid" + ProcessHandle.current().pid());
        this.view = (rs, row) -> new NodeView(rs.getString("id"), rs.getString("state"), id.equals(rs.getString("id")),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("heartbeat_at", OffsetDateTime.class),
                rs.getObject("stopped_at", OffsetDateTime.class));
    }

    public String id() {
        return id;
    }

    @Override
    public int liveNodes() {
        return liveNodes;
    }

    /** Runs {@code task} after each heartbeat, in the heartbeat's thread. */
    public void onHeartbeat(Runnable task) {
        onHeartbeat.add(task);
    }

    /** Every node known, this one first, then by id. */
    public List<NodeView> nodes() {
        return jdbc.query("SELECT id, started_at, heartbeat_at, stopped_at, " + STATE + " AS state FROM writeback.nodes "
                + "ORDER BY id <> ?, id", view, properties.deadAfter().toMillis(), id);
    }

    /** The nodes, other than this one, that stopped or have been silent for longer than {@code dead-after}. */
    public List<String> deadNodes() {
        return jdbc.queryForList("SELECT id FROM writeback.nodes WHERE id <> ? AND " + STATE + " <> 'alive'", String.class,
                id, properties.deadAfter().toMillis());
    }

    @Override
    public void start() {
        jdbc.update("""
                INSERT INTO writeback.nodes (id, started_at, heartbeat_at) VALUES (?, now(), now())
                ON CONFLICT (id) DO UPDATE SET started_at = now(), heartbeat_at = now(), stopped_at = NULL""", id);
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "writeback-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeatEvery().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
        running = true;
        log.info("Node {} joined; heartbeat every {}, dead after {} of silence", id, properties.heartbeatEvery(),
                properties.deadAfter());
    }

    private void beat() {
        try {
            jdbc.update("UPDATE writeback.nodes SET heartbeat_at = now() WHERE id = ?", id);
            jdbc.update("DELETE FROM writeback.nodes WHERE heartbeat_at < now() - interval '1 day'");
            Integer alive = jdbc.queryForObject("SELECT count(*) FROM writeback.nodes WHERE " + STATE + " = 'alive'",
                    Integer.class, properties.deadAfter().toMillis());
            liveNodes = Math.max(1, alive == null ? 1 : alive);
            onHeartbeat.forEach(Runnable::run);
        } catch (RuntimeException e) {
            log.warn("Node {}: heartbeat failed: {}", id, e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        try {
            jdbc.update("UPDATE writeback.nodes SET stopped_at = now() WHERE id = ?", id);
        } catch (RuntimeException e) {
            log.warn("Node {}: could not record its stop: {}", id, e.getMessage());
        }
    }

    /** A context that fails after its start still ends the heartbeats. */
    @Override
    public void destroy() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First to start, last to stop: the node outlives Camel's routes and their runs. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
