package io.writeback.connection;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The defaults of a {@code type: zendesk} connection: Zendesk Support's API for users and organizations (and any
 * object of the same shape), a single record wrapped in its singular name ({@code {"user": {...}}}). Writes go in bulk,
 * 100 records a call, which Zendesk works as a background job: the job's status is read until it is completed and
 * each record's result taken from it. Users with an {@code id-property} ({@code external_id} or {@code email}) are
 * created or updated by {@code create_or_update_many}, which never makes a duplicate; organizations by
 * {@code create_many} and {@code update_many}. Records are found by their {@code external_id} with
 * {@code show_many}. The rate limit is the one Zendesk documents for the connection's {@code plan}.
 */
final class ZendeskProfile {

    private static final String OBJECTS = "/api/v2/{object}";
    private static final int MAX_BATCH = 100;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Requests a minute, by plan, as Zendesk documents them for the Support API. */
    private static final Map<String, Integer> PLANS = Map.of("team", 200, "growth", 400, "professional", 400, "enterprise", 700,
            "enterprise-plus", 2500, "high-volume", 2500);
    private static final List<String> GONE = List.of("RecordNotFound");
    private static final BulkJob JOB = new BulkJob("/job_status/id", "/api/v2/job_statuses/{id}", "/job_status/status",
            List.of("completed"), List.of("failed", "killed"), "/job_status/results", null, null);

    private ZendeskProfile() {
    }

    static List<String> plans() {
        return List.of("team", "growth", "professional", "enterprise", "enterprise-plus", "high-volume");
    }

    /** The limit of {@code plan}, team's by default. */
    static RateLimit rateLimit(String plan) {
        return new RateLimit(PLANS.getOrDefault(plan == null ? "team" : plan.toLowerCase(Locale.ROOT), PLANS.get("team")), MINUTE);
    }

    /**
     * The endpoints of {@code object} ({@code users}, {@code organizations}); with {@code idProperty}, users are
     * created or updated by it, and every object is found by its {@code external_id}.
     */
    static ObjectEndpoints object(String object, String idProperty) {
        String records = "/" + object;
        boolean externalIds = "external_id".equals(idProperty);
        ObjectEndpoints.Lookup byExternalId = externalIds ? new ObjectEndpoints.Lookup("GET",
                OBJECTS + "/show_many?external_ids={external_id}", null, records + "/0/id", List.of(), false) : null;
        BulkEndpoint showMany = new BulkEndpoint(OBJECTS + "/show_many?external_ids={values}", null, records, "/id", null,
                MAX_BATCH, null, null, "/external_id", null, null, "GET", null, false);
        BulkEndpoint upsert = "users".equals(object) && idProperty != null ? job("POST", OBJECTS + "/create_or_update_many",
                object, "", null, "/index") : null;
        String wrapped = "{\"" + singular(object) + "\": {payload}}";
        return new ObjectEndpoints(
                new ObjectEndpoints.Endpoint("POST", OBJECTS, wrapped),
                new ObjectEndpoints.Endpoint("PUT", OBJECTS + "/{id}", wrapped),
                new ObjectEndpoints.Endpoint("DELETE", OBJECTS + "/{id}"),
                "/" + singular(object) + "/id",
                byExternalId,
                externalIds ? showMany : null,
                null,
                job("POST", OBJECTS + "/create_many", object, null, null, "/index"),
                job("PUT", OBJECTS + "/update_many", object, "id", "/id", null),
                job("DELETE", OBJECTS + "/destroy_many?ids={ids}", null, null, "/id", null),
                upsert,
                null,
                idProperty,
                false,
                null, null, null, null, null, null, GONE);
    }

    /** {@code users} as its records are wrapped: {@code user}. */
    static String singular(String object) {
        return object.endsWith("s") ? object.substring(0, object.length() - 1) : object;
    }

    private static BulkEndpoint job(String method, String path, String itemsField, String itemIdField, String matchPointer,
            String indexPointer) {
        return new BulkEndpoint(path, itemsField, null, "/id", "/error", MAX_BATCH, null, null, matchPointer, itemIdField, null,
                method, null, false, null, null, GONE, true, JOB, indexPointer);
    }
}
