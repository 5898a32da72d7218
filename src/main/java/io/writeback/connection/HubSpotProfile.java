package io.writeback.connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The defaults of a {@code type: hubspot} connection: HubSpot's CRM v3 objects API for any object
 * (contacts, companies, deals, tickets, custom objects by name), shaped as HubSpot publishes it: records
 * as {@code {"properties": {...}}} whose values are all strings, creates with their {@code associations},
 * batches of 100 whose creates are matched to their results by {@code objectWriteTraceId}, archive for
 * delete, and HubSpot's documented rate limits for private apps on the Free and Starter tiers (100 calls
 * in 10 s; search, 4 a second). An object with a unique property ({@code id-property: email}) creates by
 * batch upsert on it, which never makes a duplicate, recovers a lost create by reading that property,
 * and matches on it by batch read; {@code matchOn} any other property searches with {@code IN}.
 */
final class HubSpotProfile {

    static final String BASE_URL = "https://api.hubapi.com";
    static final RateLimit RATE_LIMIT = new RateLimit(100, Duration.ofSeconds(10));
    static final RateLimit SEARCH_RATE_LIMIT = new RateLimit(4, Duration.ofSeconds(1));
    private static final String OBJECTS = "/crm/v3/objects/{object}";
    private static final int MAX_BATCH = 100;
    private static final String PROPERTY_MATCH = "/properties/{field}";
    /** HubSpot's v4 batch create of associations, labelled by type. */
    static final String ASSOCIATIONS = "/crm/v4/associations/{object}/{to}/batch/create";

    private HubSpotProfile() {
    }

    /** The endpoints of any object; with {@code idProperty} (such as {@code email}), lookups read and upserts write by it. */
    static ObjectEndpoints object(String idProperty) {
        boolean unique = idProperty != null;
        ObjectEndpoints.Lookup readByUniqueValue = unique ? new ObjectEndpoints.Lookup("GET",
                OBJECTS + "/{" + idProperty + "}?idProperty=" + idProperty, null, "/id", List.of(404), false) : null;
        BulkEndpoint search = new BulkEndpoint(OBJECTS + "/search", null, "/results", "/id", null, MAX_BATCH, null, null,
                PROPERTY_MATCH, null, null, "POST", """
                {"filterGroups":[{"filters":[{"propertyName":"{field}","operator":"IN","values":{values}}]}],\
                "properties":["{field}"],"limit":100,"after":"0","sorts":[]}""", true);
        BulkEndpoint batchRead = unique ? new BulkEndpoint(OBJECTS + "/batch/read", null, "/results", "/id", null, MAX_BATCH,
                null, null, PROPERTY_MATCH, "id", null, "POST", """
                {"idProperty":"{field}","inputs":{items},"properties":["{field}"],"propertiesWithHistory":[]}""", false) : null;
        return new ObjectEndpoints(
                new ObjectEndpoints.Endpoint("POST", OBJECTS),
                new ObjectEndpoints.Endpoint("PATCH", OBJECTS + "/{id}"),
                new ObjectEndpoints.Endpoint("DELETE", OBJECTS + "/{id}"),
                "/id",
                readByUniqueValue,
                search,
                batchRead,
                batch("create", null, "objectWriteTraceId", "/objectWriteTraceId", null),
                batch("update", null, null, "/id", "id"),
                new BulkEndpoint(OBJECTS + "/batch/archive", "inputs", null, null, null, MAX_BATCH, null, null, null, "id", null,
                        null, null, false),
                unique ? batch("upsert", null, null, PROPERTY_MATCH.replace("{field}", idProperty), "id", "idProperty") : null,
                "properties",
                idProperty,
                true,
                Map.of("associations", List.of()),
                null, null, null, null, null, null);
    }

    /** Records read back by id: one with its properties, or up to 100 by batch read, asking for the fields compared. */
    static RecordReads reads() {
        return new RecordReads(OBJECTS + "/{id}", "/properties", new BulkEndpoint(OBJECTS + "/batch/read", null, "/results",
                "/id", null, MAX_BATCH, null, null, null, "id", null, "POST", """
                {"inputs":{items},"properties":{fields},"propertiesWithHistory":[]}""", false));
    }

    private static BulkEndpoint batch(String operation, String keysField, String itemKeyField, String matchPointer,
            String itemIdField) {
        return batch(operation, keysField, itemKeyField, matchPointer, itemIdField, null);
    }

    private static BulkEndpoint batch(String operation, String keysField, String itemKeyField, String matchPointer,
            String itemIdField, String propertyField) {
        return new BulkEndpoint(OBJECTS + "/batch/" + operation, "inputs", "/results", "/id", null, MAX_BATCH, keysField,
                itemKeyField, matchPointer, itemIdField, propertyField, null, null, false);
    }
}
