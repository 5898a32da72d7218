package io.writeback.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Writeback instances on one database know each other ({@code writeback.cluster.*}).
 *
 * @param nodeId         this instance's name among them; by default {@code <host>:<port>} ({@code <host>:pid<pid>} on
 *                       a random port), and {@code <host>} on the embedded database, which no other node shares:
 *                       stable across restarts, so that a restarted node closes its own leftovers at once
 * @param heartbeatEvery how often a node says it is alive (3 s)
 * @param deadAfter      a node silent this long is dead: its runs are closed and its syncs free (15 s)
 */
@ConfigurationProperties("writeback.cluster")
public record ClusterProperties(String nodeId, Duration heartbeatEvery, Duration deadAfter) {

    public ClusterProperties {
        heartbeatEvery = heartbeatEvery == null ? Duration.ofSeconds(3) : heartbeatEvery;
        deadAfter = deadAfter == null ? Duration.ofSeconds(15) : deadAfter;
        if (deadAfter.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("writeback.cluster.dead-after (" + deadAfter + ") must be at least twice "
                    + "writeback.cluster.heartbeat-every (" + heartbeatEvery + ")");
        }
    }
}
