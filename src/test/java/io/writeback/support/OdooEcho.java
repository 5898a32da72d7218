package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Odoo's {@code create} through the JSON-2 API, as WireMock plays it: one transaction for the whole list, so a
 * record Odoo refuses (a {@code vat} of {@code INVALID}) fails the call with a 422 and Odoo's error object,
 * creating nothing; else the new ids, in the order of {@code vals_list}: 7000 plus the number in each
 * record's {@code ref} ({@code W-3} is 7003).
 */
public class OdooEcho extends JsonAnswer {

    public static final String NAME = "odoo-echo";

    @Override
    protected Answer answer(JsonNode request, String url) {
        ArrayNode ids = JSON.createArrayNode();
        for (JsonNode values : request.path("vals_list")) {
            if (values.path("vat").asText().equals("INVALID")) {
                return new Answer(422, JSON.createObjectNode().put("name", "odoo.exceptions.ValidationError")
                        .put("message", "The VAT number [INVALID] does not seem to be valid.").set("arguments",
                                JSON.createArrayNode().add("The VAT number [INVALID] does not seem to be valid.")).toString());
            }
            ids.add(7000 + Integer.parseInt(values.path("ref").asText().substring(2)));
        }
        return new Answer(200, ids.toString());
    }

    @Override
    public String getName() {
        return NAME;
    }
}
