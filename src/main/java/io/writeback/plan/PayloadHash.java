package io.writeback.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash that tells whether a record changed since it was last sent: SHA-256 over the mapping's
 * fingerprint, a line break, and the payload in canonical JSON (keys sorted, no spaces), so field
 * order never counts as a change. The JSON is streamed into the digest, never built as a string.
 */
public final class PayloadHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .build();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private PayloadHash() {
    }

    public static String of(String mappingFingerprint, Map<String, Object> payload) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(mappingFingerprint.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        try (JsonGenerator json = CANONICAL.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            writeSorted(json, payload);
        } catch (IOException e) {
            throw new UncheckedIOException("payload cannot be written as JSON: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The top level by hand (most values are plain), nested values through the canonical mapper. */
    private static void writeSorted(JsonGenerator json, Map<String, Object> payload) throws IOException {
        String[] names = payload.keySet().toArray(String[]::new);
        Arrays.sort(names);
        json.writeStartObject();
        for (String name : names) {
            json.writeFieldName(name);
            Object value = payload.get(name);
            if (value == null) {
                json.writeNull();
            } else if (value instanceof String text) {
                json.writeString(text);
            } else if (value instanceof Long number) {
                json.writeNumber(number);
            } else if (value instanceof Integer number) {
                json.writeNumber(number);
            } else if (value instanceof Boolean flag) {
                json.writeBoolean(flag);
            } else {
                CANONICAL.writeValue(json, value);
            }
        }
        json.writeEndObject();
    }
}
