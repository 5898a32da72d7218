package io.writeback.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.support.ResourceHelper;

/**
 * Checks every sync file under a routes directory before anything runs: each file on its own
 * ({@link RouteChecks}), then the rules across files ({@link CrossSyncChecks}). Each problem names the
 * file, the sync and the field; any problem stops the start.
 */
public final class SyncFileValidator {

    private final RouteChecks routes;
    private final Function<String, List<String>> connectionSettings;

    /**
     * @param connectionProblems what is wrong with a connection name a sync gives (unknown); empty when usable
     * @param databaseProblems   the same for the name of a database target ids are written back to
     */
    public SyncFileValidator(Function<String, List<String>> connectionProblems,
            Function<String, List<String>> databaseProblems) {
        this(connectionProblems, databaseProblems, name -> List.of());
    }

    /**
     * @param connectionSettings what is wrong with the settings of a configured connection: reported once for
     *                           each connection a sync uses, however many use it
     */
    public SyncFileValidator(Function<String, List<String>> connectionProblems,
            Function<String, List<String>> databaseProblems, Function<String, List<String>> connectionSettings) {
        this.routes = new RouteChecks(connectionProblems, databaseProblems);
        this.connectionSettings = connectionSettings;
    }

    /** The syncs of {@code routesDir} and the warnings about them; throws {@link InvalidSyncFilesException} listing every problem. */
    public ValidationReport validate(Path routesDir) {
        return validate(routesDir, List.of());
    }

    /** As {@link #validate(Path)}, with the {@code settingsProblems} found in the configuration listed first. */
    public ValidationReport validate(Path routesDir, List<String> settingsProblems) {
        return validate(routesDir, settingsProblems, true);
    }

    /**
     * As {@link #validate(Path, List)}; without {@code withDemo}, the demo syncs under
     * {@code <routesDir>/demo/} are left out.
     */
    public ValidationReport validate(Path routesDir, List<String> settingsProblems, boolean withDemo) {
        List<String> problems = new ArrayList<>(settingsProblems);
        List<String> warnings = new ArrayList<>();
        List<SyncDefinition> syncs = new ArrayList<>();
        List<GroupDefinition> groups = new ArrayList<>();
        try {
            for (Path file : syncFiles(routesDir)) {
                if (!withDemo && file.startsWith(routesDir.resolve(DemoSyncs.DIRECTORY))) {
                    continue;
                }
                routes.read(file, problems, syncs, groups);
            }
        } catch (IOException e) {
            problems.add(routesDir + ": cannot be read: " + e.getMessage());
        }
        routes.connectionsUsed().forEach(connection -> problems.addAll(connectionSettings.apply(connection)));
        CrossSyncChecks.checkDeclaredOnce(syncs, groups, problems);
        CrossSyncChecks.checkLinksOf(syncs, problems);
        CrossSyncChecks.checkRelations(syncs, problems);
        CrossSyncChecks.checkPairs(syncs, problems);
        CrossSyncChecks.checkGroups(syncs, groups, problems, warnings);
        if (!problems.isEmpty()) {
            throw new InvalidSyncFilesException(problems);
        }
        return new ValidationReport(List.copyOf(syncs), List.copyOf(groups), List.copyOf(warnings));
    }

    /**
     * Checks the text of one sync file that is not on disk (a clone's), against the syncs already declared:
     * its own checks, and that the syncs its relations name are among {@code declared}.
     *
     * @param file names the text in problems
     * @return the one sync it declares
     * @throws InvalidSyncFilesException naming every problem
     */
    public SyncDefinition validateOne(Path file, String text, Collection<SyncDefinition> declared) {
        List<String> problems = new ArrayList<>();
        List<SyncDefinition> syncs = new ArrayList<>();
        List<GroupDefinition> groups = new ArrayList<>();
        try {
            routes.read(file, ResourceHelper.fromString(file.toString(), text), problems, syncs, groups);
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage());
        }
        if (problems.isEmpty() && (syncs.size() != 1 || !groups.isEmpty())) {
            problems.add(file + ": must declare exactly one sync");
        }
        if (problems.isEmpty()) {
            List<SyncDefinition> all = new ArrayList<>(declared);
            all.addAll(syncs);
            CrossSyncChecks.checkRelations(all, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSyncFilesException(problems);
        }
        return syncs.get(0);
    }

    private static List<Path> syncFiles(Path routesDir) throws IOException {
        if (!Files.isDirectory(routesDir)) {
            throw new IOException("no such directory (set writeback.routes-dir)");
        }
        try (Stream<Path> files = Files.walk(routesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }
}
