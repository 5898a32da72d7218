package io.writeback.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** A record held by the sandbox destination; {@code version} counts the writes it received. */
public record SandboxRecord(String id, String object, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        JsonNode fields) {
}
