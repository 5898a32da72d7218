package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Odoo's {@code /jsonrpc}, as WireMock plays it after the External RPC API's examples: {@code common.login}
 * answers the user id 2; {@code execute_kw} answers {@code create} with the new ids (7000 plus the number in each
 * record's {@code ref}), {@code write} and {@code unlink} with {@code true}, {@code search_read} with nothing found.
 * A record whose {@code vat} is {@code INVALID} makes the create answer HTTP 200 with a JSON-RPC error.
 */
public class OdooRpcEcho extends JsonAnswer {

    public static final String NAME = "odoo-rpc-echo";

    @Override
    protected Answer answer(JsonNode request, String url) {
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", request.path("id"));
        JsonNode args = request.at("/params/args");
        if (request.at("/params/service").asText().equals("common")) {
            return new Answer(200, reply.put("result", 2).toString());
        }
        switch (args.path(4).asText()) {
            case "create" -> {
                ArrayNode ids = reply.putArray("result");
                for (JsonNode values : args.path(5).path(0)) {
                    if (values.path("vat").asText().equals("INVALID")) {
                        ObjectNode error = JSON.createObjectNode().put("code", 200).put("message", "Odoo Server Error");
                        error.putObject("data").put("name", "odoo.exceptions.ValidationError")
                                .put("message", "The VAT number [INVALID] does not seem to be valid.");
                        reply.remove("result");
                        return new Answer(200, reply.set("error", error).toString());
                    }
                    ids.add(7000 + Integer.parseInt(values.path("ref").asText().substring(2)));
                }
            }
            case "search_read" -> reply.putArray("result");
            default -> reply.put("result", true);
        }
        return new Answer(200, reply.toString());
    }

    @Override
    public String getName() {
        return NAME;
    }
}
