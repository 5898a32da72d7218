package io.writeback.connection;

import java.util.List;
import java.util.Map;

/**
 * The defaults of a {@code type: salesforce} connection: Salesforce's REST API at {@code api-version} for any
 * sObject ({@code Account}, {@code Contact}, custom objects such as {@code Invoice__c}). Writes in bulk go
 * through sObject Collections, 200 records a call with {@code allOrNone: false}, so that each record gets its
 * own result, in the order sent, with its errors ({@code statusCode}, {@code message}, {@code fields}); deletes
 * name their ids in the query. An object with an external id field ({@code id-property: External_Id__c})
 * creates by upsert on it, which never makes a duplicate, and a lost create is found again by reading that
 * field; {@code matchOn} any field queries SOQL with {@code IN}. Every answer's {@code Sforce-Limit-Info}
 * (the org's daily API use) is kept for operators.
 */
final class SalesforceProfile {

    static final String DEFAULT_API_VERSION = "62.0";
    static final String USAGE_HEADER = "Sforce-Limit-Info";
    private static final int MAX_BATCH = 200;
    /** Values in one SOQL {@code IN (...)}: the query travels in the URL, which Salesforce caps at 16,384 bytes. */
    private static final int MAX_QUERY_VALUES = 100;
    /** What a result reports for a record that was deleted, or whose id names no record. */
    private static final List<String> GONE = List.of("ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY");
    private static final Map<String, Object> EACH_RECORD_ON_ITS_OWN = Map.of("allOrNone", false);
    private static final Map<String, Object> TYPED = Map.of("attributes", Map.of("type", "{object}"));

    private SalesforceProfile() {
    }

    /** The endpoints of any sObject; with {@code externalIdField}, lookups read and creates upsert by it. */
    static ObjectEndpoints object(String apiVersion, String externalIdField) {
        String data = data(apiVersion);
        String collections = data + "/composite/sobjects";
        boolean external = externalIdField != null;
        ObjectEndpoints.Lookup readByExternalId = external ? new ObjectEndpoints.Lookup("GET",
                data + "/sobjects/{object}/" + externalIdField + "/{" + externalIdField + "}", null, "/Id", List.of(404), false)
                : null;
        BulkEndpoint query = new BulkEndpoint(data + "/query?q=SELECT+Id,+{field}+FROM+{object}+WHERE+{field}+IN+({quotedValues})",
                null, "/records", "/Id", null, MAX_QUERY_VALUES, null, null, "/{field}", null, null, "GET", null, false);
        return new ObjectEndpoints(
                new ObjectEndpoints.Endpoint("POST", data + "/sobjects/{object}"),
                new ObjectEndpoints.Endpoint("PATCH", data + "/sobjects/{object}/{id}"),
                new ObjectEndpoints.Endpoint("DELETE", data + "/sobjects/{object}/{id}"),
                "/id",
                readByExternalId,
                query,
                null,
                collection("POST", collections, null),
                collection("PATCH", collections, "id"),
                new BulkEndpoint(collections + "?ids={ids}&allOrNone=false", null, "", "/id", "/errors", MAX_BATCH, null, null,
                        null, null, null, "DELETE", null, false, null, null, GONE, null, null, null),
                external ? collection("PATCH", collections + "/{object}/" + externalIdField, "") : null,
                null,
                externalIdField,
                false,
                null,
                null, null, null, null, null, null);
    }

    /** Records read back by id, one GET each: every field of the record at the top of the answer. */
    static RecordReads reads(String apiVersion) {
        return new RecordReads(data(apiVersion) + "/sobjects/{object}/{id}", null, null);
    }

    private static String data(String apiVersion) {
        return "/services/data/v" + apiVersion;
    }

    /** A write through sObject Collections: records typed by their sObject, each with its own result in order. */
    private static BulkEndpoint collection(String method, String path, String itemIdField) {
        return new BulkEndpoint(path, "records", "", "/id", "/errors", MAX_BATCH, null, null, null, itemIdField, null, method,
                null, false, EACH_RECORD_ON_ITS_OWN, TYPED, GONE, null, null, null);
    }
}
