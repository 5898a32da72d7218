package io.writeback.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.plan.Action;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Writes single records to a connection's objects and reads the new id from the answer. */
@Component
public class RecordWriter {

    private final Connections connections;
    private final ObjectMapper json;

    public RecordWriter(Connections connections, ObjectMapper json) {
        this.connections = connections;
        this.json = json;
    }

    public Written insert(String connectionName, String object, Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints endpoints = connection.object(object);
        DeliveryResult call = connection.send(endpoints.insert(), object, null, serialise(payload));
        if (!call.succeeded()) {
            return new Written(call, null);
        }
        String id = idIn(call.responseBody(), endpoints.idPointer());
        if (id == null) {
            String error = "the insert answered HTTP " + call.status() + " but has no id at " + endpoints.idPointer()
                    + "; set id-pointer for object '" + object + "' of connection '" + connectionName + "'";
            return new Written(call.withError(error), null);
        }
        return new Written(call, id);
    }

    public Written update(String connectionName, String object, String targetId, Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        DeliveryResult call = connection.send(connection.object(object).update(), object, targetId, serialise(payload));
        return new Written(call, call.succeeded() ? targetId : null);
    }

    /** Deletes the target record; one that is already gone (404) counts as deleted. */
    public Written delete(String connectionName, String object, String targetId) {
        HttpConnection connection = connections.get(connectionName);
        DeliveryResult call = connection.send(connection.object(object).delete(), object, targetId, null);
        return new Written(call.status() == 404 ? call.withError(null) : call, targetId);
    }

    /** The request a write would send, without sending it (previews). */
    public DeliveryRequest describe(String connectionName, String object, Action action, String targetId,
            Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints endpoints = connection.object(object);
        ObjectEndpoints.Endpoint endpoint = switch (action) {
            case INSERT -> endpoints.insert();
            case UPDATE, ARCHIVE -> endpoints.update();
            case DELETE -> endpoints.delete();
            default -> throw new IllegalArgumentException(action + " sends nothing");
        };
        return new DeliveryRequest(endpoint.method(), connection.url(endpoint, object, targetId),
                payload == null ? null : connection.scrub(serialise(payload)));
    }

    private String idIn(String body, String pointer) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode id = json.readTree(body).at(pointer);
            return id.isMissingNode() || id.isNull() || id.isContainerNode() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String serialise(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The call made and, when it succeeded, the record's id in the target. */
    public record Written(DeliveryResult call, String targetId) {
    }
}
