package io.writeback.connection;

import java.time.Duration;

/**
 * The defaults of a {@code type: hubspot} connection: HubSpot's CRM v3 objects API for any object
 * (contacts, companies, deals, tickets, custom objects by name), with records as
 * {@code {"properties": {...}}}, batches of 100 whose creates are matched to their results by
 * {@code objectWriteTraceId}, archive for delete, and HubSpot's documented rate limit for private apps
 * on the Free and Starter tiers. An object with a unique property ({@code id-property: email}) creates
 * by batch upsert on it, which never makes a duplicate, and looks records up by searching it.
 */
final class HubSpotProfile {

    static final String BASE_URL = "https://api.hubapi.com";
    static final RateLimit RATE_LIMIT = new RateLimit(100, Duration.ofSeconds(10));
    private static final String OBJECTS = "/crm/v3/objects/{object}";
    private static final int MAX_BATCH = 100;

    private HubSpotProfile() {
    }

    /** The endpoints of any object; with {@code idProperty} (such as {@code email}), lookups search and batch-read by it. */
    static ObjectEndpoints object(String idProperty) {
        return new ObjectEndpoints(
                new ObjectEndpoints.Endpoint("POST", OBJECTS),
                new ObjectEndpoints.Endpoint("PATCH", OBJECTS + "/{id}"),
                new ObjectEndpoints.Endpoint("DELETE", OBJECTS + "/{id}"),
                "/id",
                idProperty == null ? null : new ObjectEndpoints.Lookup("POST", OBJECTS + "/search",
                        "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"" + idProperty + "\",\"operator\":\"EQ\","
                                + "\"value\":\"{" + idProperty + "}\"}]}],\"limit\":1}",
                        "/results/0/id"),
                idProperty == null ? null : new BulkEndpoint(OBJECTS + "/batch/read", "inputs", "/results", "/id", null,
                        MAX_BATCH, null, null, "/properties/" + idProperty, "id", "idProperty"),
                new BulkEndpoint(OBJECTS + "/batch/create", "inputs", "/results", "/id", null, MAX_BATCH, null,
                        "objectWriteTraceId", "/objectWriteTraceId", null, null),
                new BulkEndpoint(OBJECTS + "/batch/update", "inputs", "/results", "/id", null, MAX_BATCH, null, null,
                        "/id", "id", null),
                new BulkEndpoint(OBJECTS + "/batch/archive", "inputs", null, null, null, MAX_BATCH, null, null, null, "id",
                        null),
                idProperty == null ? null : new BulkEndpoint(OBJECTS + "/batch/upsert", "inputs", "/results", "/id", null,
                        MAX_BATCH, null, null, "/properties/" + idProperty, "id", "idProperty"),
                "properties",
                idProperty, null, null, null);
    }
}
