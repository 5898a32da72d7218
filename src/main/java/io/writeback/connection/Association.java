package io.writeback.connection;

/**
 * A payload field that is a link to another record rather than a value: its value (the other record's
 * target id, from a relation) becomes an association of the written record, made after the write by
 * {@code path}, HubSpot's v4 associations batch create by default on a hubspot connection.
 *
 * @param to       the object associated with, such as {@code companies}
 * @param typeId   the association type, such as 279 (contact to company)
 * @param category {@code HUBSPOT_DEFINED} by default; {@code USER_DEFINED} for labels you made
 * @param path     where associations are created, with {@code {object}} (the record's object) and {@code {to}}
 */
public record Association(String to, Integer typeId, String category, String path) {

    public Association {
        category = category == null || category.isBlank() ? "HUBSPOT_DEFINED" : category;
    }

    Association withPath(String defaultPath) {
        return path == null || path.isBlank() ? new Association(to, typeId, category, defaultPath) : this;
    }
}
