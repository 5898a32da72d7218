package io.writeback.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A generated secret kept in a file only its owner can read, so that it survives restarts. */
public final class OwnerOnlyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnerOnlyFile() {
    }

    /** The secret in {@code file}, generated and written there (mode 600) the first time. */
    public static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String secret = randomSecret();
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        return secret;
    }

    /** 24 random bytes, URL-safe Base64: no character that needs quoting in a shell, a URL or a connection string. */
    public static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
