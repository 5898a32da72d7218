package io.writeback.monitoring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code syncs} in the health endpoint: each sync's state ({@link SyncHealth}). Always UP: a sync that
 * fails or that an operator paused or stopped is a fact to report, not a reason to restart the
 * service or take it out of a load balancer. Readiness and liveness do not include it.
 */
@Component("syncs")
class SyncsHealthIndicator implements HealthIndicator {

    private final SyncHealth syncs;

    SyncsHealthIndicator(SyncHealth syncs) {
        this.syncs = syncs;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(syncs.all()).build();
    }
}
