package io.writeback.clone;

import java.time.OffsetDateTime;

/**
 * A clone as the API shows it: the sync it copies, where it delivers, who made it, when it goes, whether it is
 * loaded (a clone whose file no longer passes the checks after a restart is kept, unloaded, until deleted or
 * expired), and its sync file.
 */
public record CloneView(String name, String original, String connection, String object, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean loaded, String file) {
}
