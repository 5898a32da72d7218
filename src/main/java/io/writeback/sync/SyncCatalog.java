package io.writeback.sync;

import io.writeback.connection.ConnectionSettingsCheck;
import io.writeback.connection.ConnectionsProperties;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The syncs declared under the routes directory, validated with the connection settings when
 * Writeback starts: a file or setting that cannot work stops startup, before Camel loads any route.
 */
@Component
public class SyncCatalog {

    private static final Logger log = LoggerFactory.getLogger(SyncCatalog.class);

    private final Map<String, SyncDefinition> syncs = new LinkedHashMap<>();
    private final Map<String, GroupDefinition> groups = new LinkedHashMap<>();

    public SyncCatalog(@Value("${writeback.routes-dir}") Path routesDir, ConnectionsProperties connections,
            ConfigurableEnvironment environment) {
        ValidationReport report = new SyncFileValidator(connections::unknownConnection, connections::databaseProblems,
                connections::settingsProblems)
                .validate(routesDir, ConnectionSettingsCheck.problems(environment), DemoSyncs.active(environment));
        report.syncs().forEach(sync -> syncs.put(sync.name(), sync));
        report.groups().forEach(group -> groups.put(group.name(), group));
        report.warnings().forEach(warning -> log.warn("{}", warning));
        log.info("{} sync(s) in {}: {}", syncs.size(), routesDir.toAbsolutePath(), String.join(", ", syncs.keySet()));
    }

    public Collection<SyncDefinition> all() {
        return syncs.values();
    }

    public Optional<SyncDefinition> find(String name) {
        return Optional.ofNullable(syncs.get(name));
    }

    public Collection<GroupDefinition> groups() {
        return groups.values();
    }

    public Optional<GroupDefinition> findGroup(String name) {
        return Optional.ofNullable(groups.get(name));
    }
}
