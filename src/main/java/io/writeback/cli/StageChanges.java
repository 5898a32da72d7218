package io.writeback.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The stage parameters a clone changes, from {@code --set stage.parameter=value} options, by stage. */
final class StageChanges {

    private StageChanges() {
    }

    /** A value {@code @path} is the text of that file (a query kept in a .sql file, say). */
    static Map<String, Map<String, Object>> of(Map<String, String> options) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new CliException(Exit.USAGE, "--set takes STAGE.PARAMETER=VALUE (map.constants=source=test), not '"
                        + key + "'");
            }
            changes.computeIfAbsent(key.substring(0, dot), stage -> new LinkedHashMap<>()).put(key.substring(dot + 1),
                    value.startsWith("@") ? read(Path.of(value.substring(1))) : value);
        });
        return changes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CliException(Exit.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
