package io.writeback.transfer;

import io.writeback.connection.ConnectionSettingsText;
import io.writeback.connection.ConnectionsProperties;
import io.writeback.run.Pauses;
import io.writeback.sync.InvalidSyncFilesException;
import io.writeback.sync.SyncFileValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * The whole configuration as one document, and back: the sync files under the routes directory, each
 * connection's settings (without secrets: a credential stays the placeholder it is given by), and the
 * pauses. An import is checked as {@code --validate} checks files, says what would change, and, asked
 * to, writes the sync files and applies the pauses; connection settings live in the configuration, and
 * are reported when they differ, never written.
 */
@Service
public class ConfigurationTransfer {

    static final String FORMAT = "writeback-configuration/1";

    /** The document. */
    public record Document(String format, List<SyncFile> syncFiles, Map<String, String> connections, List<Pause> pauses) {
    }

    /** A sync file, by its path under the routes directory. */
    public record SyncFile(String path, String content) {
    }

    /** A paused sync or group. */
    public record Pause(String kind, String name, String by, String reason) {
    }

    /** What an import changes (or would): by file, its fate; the pauses set and lifted; connections to set by hand. */
    public record Report(boolean applied, Map<String, String> syncFiles, List<String> pausesSet, List<String> pausesLifted,
            List<String> connectionsDiffering, boolean restartNeeded) {
    }

    private final Path routesDir;
    private final ConfigurableEnvironment environment;
    private final ConnectionsProperties connections;
    private final Pauses pauses;

    ConfigurationTransfer(@Value("${writeback.routes-dir}") Path routesDir, ConfigurableEnvironment environment,
            ConnectionsProperties connections, Pauses pauses) {
        this.routesDir = routesDir;
        this.environment = environment;
        this.connections = connections;
        this.pauses = pauses;
    }

    public Document export() {
        List<Pause> paused = new ArrayList<>();
        for (Pauses.Kind kind : Pauses.Kind.values()) {
            pauses.all(kind).forEach((name, pause) -> paused.add(new Pause(kind.name().toLowerCase(), name, pause.by(), pause.reason())));
        }
        paused.sort(Comparator.comparing(Pause::kind).thenComparing(Pause::name));
        return new Document(FORMAT, files(routesDir), ConnectionSettingsText.of(environment), paused);
    }

    /**
     * Checks {@code document} and says what it changes; with {@code apply}, writes its sync files and
     * applies its pauses ({@code by} the importer).
     *
     * @throws InvalidSyncFilesException naming every problem of its sync files; nothing is written then
     */
    public Report importing(Document document, boolean apply, String by) {
        if (!FORMAT.equals(document.format())) {
            throw new IllegalArgumentException("not a Writeback configuration: format must be " + FORMAT + ", not " + document.format());
        }
        check(document.syncFiles());
        Map<String, String> current = new LinkedHashMap<>();
        files(routesDir).forEach(file -> current.put(file.path(), file.content()));
        Map<String, String> fates = new LinkedHashMap<>();
        document.syncFiles().forEach(file -> fates.put(file.path(), !current.containsKey(file.path()) ? "added"
                : current.get(file.path()).equals(file.content()) ? "same" : "changed"));
        current.keySet().stream().filter(path -> !fates.containsKey(path)).forEach(path -> fates.put(path, "not in the import, kept"));
        Map<Pauses.Kind, Map<String, Pauses.Pause>> now = Map.of(Pauses.Kind.SYNC, pauses.all(Pauses.Kind.SYNC), Pauses.Kind.GROUP,
                pauses.all(Pauses.Kind.GROUP));
        List<String> set = document.pauses().stream().filter(p -> !now.get(kind(p)).containsKey(p.name())).map(p -> p.kind() + " " + p.name())
                .toList();
        List<String> lifted = new ArrayList<>();
        now.forEach((kind, paused) -> paused.keySet().stream().filter(name -> document.pauses().stream()
                .noneMatch(p -> kind(p) == kind && p.name().equals(name))).forEach(name -> lifted.add(kind.name().toLowerCase() + " " + name)));
        Map<String, String> settings = ConnectionSettingsText.of(environment);
        List<String> differing = document.connections().entrySet().stream()
                .filter(entry -> !entry.getValue().equals(settings.get(entry.getKey()))).map(Map.Entry::getKey).sorted().toList();
        if (apply) {
            write(document.syncFiles());
            document.pauses().stream().filter(p -> !now.get(kind(p)).containsKey(p.name()))
                    .forEach(p -> pauses.pause(kind(p), p.name(), p.by() == null || p.by().isBlank() ? by : p.by(), p.reason()));
            lifted.forEach(entry -> pauses.resume(Pauses.Kind.valueOf(entry.substring(0, entry.indexOf(' ')).toUpperCase()),
                    entry.substring(entry.indexOf(' ') + 1)));
        }
        boolean filesChange = fates.values().stream().anyMatch(fate -> fate.equals("added") || fate.equals("changed"));
        return new Report(apply, fates, set, lifted, differing, apply && filesChange);
    }

    private static Pauses.Kind kind(Pause pause) {
        return Pauses.Kind.valueOf(pause.kind().toUpperCase());
    }

    /** Checks the files as they would stand on their own, with the connections configured here. */
    private void check(List<SyncFile> files) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("writeback-import");
            writeUnder(scratch, files);
            new SyncFileValidator(connections::unknownConnection, connections::databaseProblems, connections::settingsProblems)
                    .validate(scratch);
        } catch (InvalidSyncFilesException e) {
            String prefix = scratch + java.io.File.separator;
            throw new InvalidSyncFilesException(e.problems().stream().map(problem -> problem.replace(prefix, "")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                try {
                    FileSystemUtils.deleteRecursively(scratch);
                } catch (IOException e) {
                    // A scratch directory left in the temp folder is harmless.
                }
            }
        }
    }

    private void write(List<SyncFile> files) {
        try {
            writeUnder(routesDir, files);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the imported sync files into " + routesDir, e);
        }
    }

    private static void writeUnder(Path directory, List<SyncFile> files) throws IOException {
        for (SyncFile file : files) {
            Path target = directory.resolve(file.path()).normalize();
            if (!target.startsWith(directory.normalize()) || !file.path().endsWith(".camel.yaml")) {
                throw new IllegalArgumentException("sync file path '" + file.path() + "' must end in .camel.yaml and stay under the "
                        + "routes directory");
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
    }

    private static List<SyncFile> files(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".camel.yaml")).sorted()
                    .map(path -> new SyncFile(directory.relativize(path).toString().replace('\\', '/'), read(path))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + directory, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
