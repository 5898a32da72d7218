package io.writeback.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A parameter given inline or as {@code resource:file:<path>} (relative to the working directory) or
 * {@code resource:classpath:<path>}, as Camel's own components take long SQL and scripts.
 */
public final class ResourceText {

    private static final String RESOURCE = "resource:";

    private ResourceText() {
    }

    public static boolean isResource(String value) {
        return value != null && value.startsWith(RESOURCE);
    }

    /** The value itself, or the text of the resource it names. */
    public static String of(String value) throws IOException {
        if (!isResource(value)) {
            return value;
        }
        String location = value.substring(RESOURCE.length());
        if (location.startsWith("file:")) {
            try {
                return Files.readString(Path.of(location.substring("file:".length())));
            } catch (NoSuchFileException e) {
                throw new IOException("no such file", e);
            }
        }
        if (location.startsWith("classpath:")) {
            try (InputStream in = ResourceText.class.getClassLoader()
                    .getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""))) {
                if (in == null) {
                    throw new IOException("no such resource");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("a resource is resource:file:<path> or resource:classpath:<path>");
    }
}
