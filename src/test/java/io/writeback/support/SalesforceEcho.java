package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Salesforce's sObject Collections create, update and upsert with {@code allOrNone: false}, as WireMock plays
 * them after the REST API Developer Guide's examples: a bare array of results in the order of the records,
 * each {@code {"id", "success", "errors"}} (and {@code created} for upserts). A created record's id is the
 * key prefix of its type and its {@code External_Id__c}, else its {@code Name} or {@code LastName}; a record
 * whose name is empty is refused with the guide's {@code REQUIRED_FIELD_MISSING} error; an update of an id
 * ending in {@code -gone} answers {@code ENTITY_IS_DELETED}.
 */
public class SalesforceEcho extends JsonAnswer {

    public static final String NAME = "salesforce-echo";
    private static final Map<String, String> KEY_PREFIXES = Map.of("Account", "001", "Contact", "003", "Lead", "00Q");

    @Override
    protected Answer answer(JsonNode request, String url) {
        ArrayNode results = JSON.createArrayNode();
        boolean upsert = url.matches(".*/composite/sobjects/[^/?]+/[^/?]+");
        for (JsonNode record : request.path("records")) {
            ObjectNode result = results.addObject();
            String type = record.at("/attributes/type").asText();
            String name = record.path("External_Id__c").asText(record.path("Name").asText(record.path("LastName").asText()));
            if (record.path("id").asText().endsWith("-gone")) {
                refuse(result, "ENTITY_IS_DELETED", "entity is deleted", null);
            } else if (name.isEmpty()) {
                String field = type.equals("Account") ? "Name" : "LastName";
                refuse(result, "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field + "]", field);
            } else {
                result.put("id", record.has("id") ? record.path("id").asText() : KEY_PREFIXES.get(type) + "-" + name)
                        .put("success", true).putArray("errors");
                if (upsert) {
                    result.put("created", true);
                }
            }
        }
        return new Answer(200, results.toString());
    }

    private static void refuse(ObjectNode result, String statusCode, String message, String field) {
        ObjectNode error = result.put("success", false).putArray("errors").addObject().put("statusCode", statusCode)
                .put("message", message);
        ArrayNode fields = error.putArray("fields");
        if (field != null) {
            fields.add(field);
        }
    }

    @Override
    public String getName() {
        return NAME;
    }
}
