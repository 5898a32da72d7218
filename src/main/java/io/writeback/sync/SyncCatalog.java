package io.writeback.sync;

import io.writeback.connection.ConnectionSettingsCheck;
import io.writeback.connection.ConnectionsProperties;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, SyncDefinition> clones = new ConcurrentHashMap<>();
    private final SyncFileValidator validator;

    public SyncCatalog(@Value("${writeback.routes-dir}") Path routesDir, ConnectionsProperties connections,
            ConfigurableEnvironment environment) {
        validator = new SyncFileValidator(connections::unknownConnection, connections::databaseProblems,
                connections::settingsProblems);
        ValidationReport report = validator.validate(routesDir, ConnectionSettingsCheck.problems(environment), DemoSyncs.active(environment));
        report.syncs().forEach(sync -> syncs.put(sync.name(), sync));
        report.groups().forEach(group -> groups.put(group.name(), group));
        report.warnings().forEach(warning -> log.warn("{}", warning));
        log.info("{} sync(s) in {}: {}", syncs.size(), routesDir.toAbsolutePath(), String.join(", ", syncs.keySet()));
    }

    /** The syncs of the files; clones are not among them. */
    public Collection<SyncDefinition> all() {
        return syncs.values();
    }

    /** A sync of the files, or a clone. */
    public Optional<SyncDefinition> find(String name) {
        return Optional.ofNullable(syncs.get(name)).or(() -> Optional.ofNullable(clones.get(name)));
    }

    /**
     * Checks the sync file text of a clone, made at runtime, as the files were, and adds its sync; names are
     * unique among syncs, groups and clones.
     *
     * @throws InvalidSyncFilesException naming every problem
     */
    public SyncDefinition addClone(String name, String text) {
        if (find(name).isPresent() || groups.containsKey(name)) {
            throw new InvalidSyncFilesException(List.of("clone '" + name + "': a sync or group of that name exists"));
        }
        SyncDefinition clone = validator.validateOne(Path.of(name + ".camel.yaml"), text, syncs.values());
        if (!clone.name().equals(name)) {
            throw new InvalidSyncFilesException(List.of("clone '" + name + "': its route id is '" + clone.name() + "'"));
        }
        clones.put(name, clone);
        return clone;
    }

    public void removeClone(String name) {
        clones.remove(name);
    }

    public Collection<GroupDefinition> groups() {
        return groups.values();
    }

    public Optional<GroupDefinition> findGroup(String name) {
        return Optional.ofNullable(groups.get(name));
    }
}
