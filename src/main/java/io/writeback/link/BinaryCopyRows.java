package io.writeback.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, built in memory for one {@code COPY ... FROM STDIN
 * (FORMAT binary)}: no text to escape or parse, each field its length and its bytes (null: length -1).
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);

    BinaryCopyRows() {
        bytes.writeBytes(SIGNATURE);
        int32(0); // flags: no OIDs
        int32(0); // no header extension
    }

    /** Starts a row of {@code fields} fields, given next in the table's column order. */
    BinaryCopyRows row(int fields) {
        int16(fields);
        return this;
    }

    BinaryCopyRows text(String value) {
        if (value == null) {
            int32(-1);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            bytes.writeBytes(utf8);
        }
        return this;
    }

    BinaryCopyRows int8(Long value) {
        if (value == null) {
            int32(-1);
        } else {
            int32(8);
            int32((int) (value >>> 32));
            int32(value.intValue());
        }
        return this;
    }

    BinaryCopyRows bool(boolean value) {
        int32(1);
        bytes.write(value ? 1 : 0);
        return this;
    }

    /** The rows, ended by the format's trailer. */
    byte[] end() {
        int16(-1);
        return bytes.toByteArray();
    }

    private void int16(int value) {
        bytes.write(value >>> 8);
        bytes.write(value);
    }

    private void int32(int value) {
        bytes.write(value >>> 24);
        bytes.write(value >>> 16);
        bytes.write(value >>> 8);
        bytes.write(value);
    }
}
