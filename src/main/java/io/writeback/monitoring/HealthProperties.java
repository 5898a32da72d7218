package io.writeback.monitoring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a sync counts as stale in the {@code syncs} health indicator: no successful run for longer than
 * {@code staleAfter} (24 h by default), or than its own entry in {@code staleAfterBySync}.
 */
@ConfigurationProperties("writeback.health")
public record HealthProperties(Duration staleAfter, Map<String, Duration> staleAfterBySync) {

    public HealthProperties {
        staleAfter = staleAfter == null ? Duration.ofHours(24) : staleAfter;
        staleAfterBySync = staleAfterBySync == null ? Map.of() : staleAfterBySync;
    }

    public Duration staleAfter(String sync) {
        return staleAfterBySync.getOrDefault(sync, staleAfter);
    }
}
