package io.writeback.clone;

import io.writeback.connection.ConnectionsProperties;
import io.writeback.kernel.Identifiers;
import io.writeback.run.ActiveRuns;
import io.writeback.run.RunInProgressException;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.DemoSyncs;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Clones of syncs: each a sync of its own, made from its original's file ({@link CloneFile}), checked as
 * sync files are, added to the running Camel context and the catalog, run on demand, with links of its
 * own. A clone delivers to the sandbox (under an object named after it) or to a test connection, never to
 * its original's target; it expires, and goes with everything kept under its name.
 */
@Service
public class SyncClones implements DisposableBean {

    /** Where a clone delivers unless told otherwise: Writeback's own sandbox destination. */
    public static final String SANDBOX = "sandbox";

    static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    static final Duration LONGEST_EXPIRY = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(SyncClones.class);

    /**
     * What makes a clone, all optional: its name, connection (and object, for a test connection), the changes by
     * stage name (parameters to set, a null value removing one), and how long it lives ({@code 24h}, {@code 7d}).
     */
    public record CloneRequest(String name, String connection, String object, Map<String, Map<String, Object>> changes,
            String expiresIn) {
    }

    private final SyncCatalog catalog;
    private final CloneStore store;
    private final CamelContext camel;
    private final ConnectionsProperties connections;
    private final ActiveRuns activeRuns;
    private final boolean sandboxServed;
    private final Clock clock;
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "writeback-clone-expiry");
        thread.setDaemon(true);
        return thread;
    });

    SyncClones(SyncCatalog catalog, CloneStore store, CamelContext camel, ConnectionsProperties connections,
            ActiveRuns activeRuns, Environment environment, ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.store = store;
        this.camel = camel;
        this.connections = connections;
        this.activeRuns = activeRuns;
        this.sandboxServed = DemoSyncs.active(environment);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Makes a clone of {@code original} and loads it; its first run is asked for separately.
     *
     * @throws IllegalArgumentException                  when the request cannot be carried out, saying why
     * @throws io.writeback.sync.InvalidSyncFilesException when the clone's file does not pass the checks
     */
    public CloneView create(String original, CloneRequest request, String by) {
        SyncDefinition source = catalog.all().stream().filter(sync -> sync.name().equals(original)).findFirst()
                .orElseThrow(() -> new UnknownSyncException(original));
        String name = request.name() == null ? freeName(original) : checkedName(request.name());
        if (store.find(name).isPresent()) {
            throw new IllegalArgumentException("a clone named '" + name + "' exists");
        }
        String connection = connectionFor(source, request.connection());
        String object = connection.equals(SANDBOX) ? name + "." + source.deliver().getObject()
                : Optional.ofNullable(request.object()).orElse(source.deliver().getObject());
        Duration expiresIn = expiry(request.expiresIn());
        String file = CloneFile.of(read(source), original, name, connection, object,
                Optional.ofNullable(request.changes()).orElse(Map.of()), "Clone of " + original + " delivering to "
                        + connection + " " + object + ", made by " + by);
        Instant now = clock.instant();
        CloneStore.StoredClone clone = new CloneStore.StoredClone(name, original, connection, object, file, by, now,
                now.plus(expiresIn));
        load(clone);
        store.add(clone);
        log.info("Clone {} of {} made by {}, delivering to {} {}, until {}", name, original, by, connection, object,
                clone.expiresAt());
        return clone.view(true);
    }

    public List<CloneView> all() {
        return store.all().stream().map(clone -> clone.view(loaded(clone.name()))).toList();
    }

    public Optional<CloneView> find(String name) {
        return store.find(name).map(clone -> clone.view(loaded(clone.name())));
    }

    /**
     * Removes the clone's route and forgets it with its state; false when there is no such clone.
     *
     * @throws RunInProgressException while a run of the clone goes on
     */
    public boolean delete(String name) {
        Optional<CloneStore.StoredClone> clone = store.find(name);
        if (clone.isEmpty()) {
            return false;
        }
        activeRuns.refuseIfRunning(name);
        unload(name);
        store.delete(clone.get(), clone.get().connection().equals(SANDBOX));
        log.info("Clone {} of {} deleted with its state", name, clone.get().original());
        return true;
    }

    /** Deletes the clones whose time is up at {@code now} and that are not running; answers how many went. */
    public int expire(Instant now) {
        int deleted = 0;
        for (String name : store.expiredAt(now)) {
            try {
                deleted += delete(name) ? 1 : 0;
            } catch (RunInProgressException e) {
                log.info("Clone {} has expired; it goes once its run ends", name);
            }
        }
        return deleted;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        restore();
        expiry.scheduleWithFixedDelay(this::expireLogged, 1, 1, TimeUnit.MINUTES);
    }

    /** Loads the kept clones not loaded yet; one that no longer passes the checks stays unloaded, logged. */
    public void restore() {
        for (CloneStore.StoredClone clone : store.all()) {
            if (loaded(clone.name())) {
                continue;
            }
            try {
                load(clone);
            } catch (RuntimeException e) {
                log.warn("Clone {} of {} not loaded: {}", clone.name(), clone.original(), e.getMessage());
            }
        }
    }

    private void expireLogged() {
        try {
            expire(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Expired clones could not be deleted: {}", e.getMessage());
        }
    }

    private void load(CloneStore.StoredClone clone) {
        catalog.addClone(clone.name(), clone.file());
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString(clone.name() + ".camel.yaml",
                    clone.file()));
        } catch (Exception e) {
            catalog.removeClone(clone.name());
            throw new IllegalStateException("clone '" + clone.name() + "' cannot be loaded into Camel: " + e.getMessage(), e);
        }
    }

    private void unload(String name) {
        ModelCamelContext model = (ModelCamelContext) camel;
        RouteDefinition route = model.getRouteDefinition(name);
        try {
            if (route != null) {
                model.removeRouteDefinition(route);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the route of clone '" + name + "' cannot be removed: " + e.getMessage(), e);
        } finally {
            catalog.removeClone(name);
        }
    }

    private boolean loaded(String name) {
        return camel.getRoute(name) != null;
    }

    private String connectionFor(SyncDefinition original, String asked) {
        String connection = asked == null ? SANDBOX : asked;
        if (connection.equals(SANDBOX) && !sandboxServed) {
            throw new IllegalArgumentException("the sandbox destination is served in demo mode only: name a test "
                    + "connection in 'connection'");
        }
        List<String> problems = connections.unknownConnection(connection);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (!connection.equals(SANDBOX) && connection.equals(original.deliver().getConnection())) {
            throw new IllegalArgumentException("'" + connection + "' is the connection " + original.name()
                    + " delivers to: a clone delivers to the sandbox or to a test connection");
        }
        return connection;
    }

    private static Duration expiry(String asked) {
        Duration expiresIn;
        try {
            expiresIn = asked == null ? DEFAULT_EXPIRY : DurationStyle.detectAndParse(asked);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'expiresIn' is a duration such as 24h or 7d, not '" + asked + "'", e);
        }
        if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(LONGEST_EXPIRY) > 0) {
            throw new IllegalArgumentException("'expiresIn' must be more than nothing and at most " + LONGEST_EXPIRY.toDays()
                    + " days, not " + asked);
        }
        return expiresIn;
    }

    private String freeName(String original) {
        for (int n = 1;; n++) {
            String name = original + "_clone_" + n;
            if (catalog.find(name).isEmpty() && store.find(name).isEmpty()) {
                return checkedName(name);
            }
        }
    }

    private static String checkedName(String name) {
        if (!Identifiers.isSyncName(name)) {
            throw new IllegalArgumentException("a clone's name is a sync name: lowercase letters, digits and '_', "
                    + "starting with a letter, not '" + name + "'");
        }
        return name;
    }

    private static String read(SyncDefinition sync) {
        try {
            return Files.readString(sync.file());
        } catch (IOException e) {
            throw new UncheckedIOException("the file of " + sync.name() + " cannot be read: " + sync.file(), e);
        }
    }

    @Override
    public void destroy() {
        expiry.shutdownNow();
    }
}
