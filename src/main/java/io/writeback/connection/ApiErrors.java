package io.writeback.connection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors an API reports for one record, as destinations write them: a text, an object with a code and
 * a message ({@code {"statusCode": "REQUIRED_FIELD_MISSING", "message": "...", "fields": ["LastName"]}}), or a
 * list of those. An empty list or object, or an empty text, reports nothing.
 */
public final class ApiErrors {

    private static final String[] CODES = {"statusCode", "errorCode", "code", "error", "name"};
    private static final String[] MESSAGES = {"message", "details", "description", "title"};

    private ApiErrors() {
    }

    /** Whether {@code node} reports an error. */
    public static boolean reported(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return false;
        }
        return node.isContainerNode() ? !node.isEmpty() : !node.asText().isEmpty();
    }

    /** The error as one line: {@code REQUIRED_FIELD_MISSING: Required fields are missing: [LastName] (fields: LastName)}. */
    public static String describe(JsonNode node) {
        if (node.isArray()) {
            List<String> each = new ArrayList<>();
            node.forEach(error -> each.add(describe(error)));
            return String.join("; ", each);
        }
        if (!node.isObject()) {
            return node.asText();
        }
        String code = first(node, CODES);
        String message = first(node, MESSAGES);
        if (code == null && message == null) {
            return node.toString();
        }
        StringBuilder line = new StringBuilder(code == null ? "" : code);
        if (message != null && !message.equals(code)) {
            line.append(code == null ? "" : ": ").append(message);
        }
        JsonNode fields = node.path("fields");
        if (fields.isArray() && !fields.isEmpty()) {
            List<String> names = new ArrayList<>();
            fields.forEach(field -> names.add(field.asText()));
            line.append(" (fields: ").append(String.join(", ", names)).append(')');
        }
        return line.toString();
    }

    /** The codes {@code node} reports, of each of its errors; none for no node (an answer that was not JSON). */
    public static List<String> codes(JsonNode node) {
        List<String> codes = new ArrayList<>();
        if (node == null) {
            return codes;
        }
        if (node.isArray()) {
            node.forEach(error -> codes.addAll(codes(error)));
        } else if (node.isObject()) {
            String code = first(node, CODES);
            if (code != null) {
                codes.add(code);
            }
        } else if (node.isValueNode()) {
            codes.add(node.asText());
        }
        return codes;
    }

    private static String first(JsonNode node, String[] names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }
}
