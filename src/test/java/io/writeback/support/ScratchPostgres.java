package io.writeback.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A PostgreSQL server of a test's own, besides Writeback's: an external database, a system of record. */
public final class ScratchPostgres {

    private ScratchPostgres() {
    }

    /** Starts a server on a fresh data directory under {@code target/test-db/}. */
    public static EmbeddedPostgres start(String name) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(Path.of("target/test-db", name)).setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the " + name + " test database could not start", e);
        }
    }
}
