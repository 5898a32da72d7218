package io.writeback.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A credential given as a value (from an environment variable through a placeholder) or as a file
 * (a mounted secret). A file is read again when it changes, so rotating it needs no restart.
 */
final class SecretValue {

    private final String value;
    private final Path file;
    private String fileValue;
    private FileTime readAt;

    SecretValue(String value, Path file) {
        this.value = value;
        this.file = file;
    }

    boolean present() {
        return (value != null && !value.isBlank()) || file != null;
    }

    /** The current credential; null when none is configured. */
    synchronized String get() {
        if (file == null) {
            return value == null || value.isBlank() ? null : value;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (fileValue == null || !modified.equals(readAt)) {
                fileValue = Files.readString(file, StandardCharsets.UTF_8).strip();
                readAt = modified;
            }
            return fileValue;
        } catch (IOException e) {
            throw new UncheckedIOException("the credential file " + file + " cannot be read", e);
        }
    }

    /** Forgets what was read from the file, so the next use reads it again. */
    synchronized void reload() {
        fileValue = null;
        readAt = null;
    }
}
