package io.writeback.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * What a sync's payloads are made of, as its route declares it before any row is read: the fingerprint of
 * its mapping and transform (the one its stages give the run), the columns that refer to records of other
 * syncs, and whether that is all ({@code complete}: no step of the route but Writeback's own stages can
 * change a payload). A complete recipe lets the database tell an unchanged row without Writeback reading it.
 */
public record PayloadRecipe(String fingerprint, List<Reference> references, boolean complete) {

    /** A route Writeback cannot read its payloads' recipe from. */
    public static final PayloadRecipe UNKNOWN = new PayloadRecipe("", List.of(), false);

    /** The source {@code column} holds the key of a record of {@code linkSync}, whose target id the payload carries. */
    public record Reference(String column, String linkSync) {
    }

    /** The seed of the row hashes under this recipe: a new mapping or transform changes every row's hash. */
    public long seed() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
