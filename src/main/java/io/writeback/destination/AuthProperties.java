package io.writeback.destination;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Credentials of a connection. Values are meant to come from environment variables through
 * placeholders ({@code token: ${CRM_TOKEN}}); {@link #toString()} never shows them.
 *
 * @param header the header that carries an API key, {@code X-API-Key} by default
 */
public record AuthProperties(AuthType type, String token, String username, String password, String header,
        String apiKey) {

    public AuthProperties {
        type = type == null ? AuthType.NONE : type;
        header = header == null || header.isBlank() ? "X-API-Key" : header;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        switch (type) {
            case BEARER -> requireSet(problems, token, "token");
            case BASIC -> {
                requireSet(problems, username, "username");
                requireSet(problems, password, "password");
            }
            case API_KEY -> requireSet(problems, apiKey, "api-key");
            case NONE -> {
            }
        }
        return problems;
    }

    private void requireSet(List<String> problems, String value, String name) {
        if (value == null || value.isBlank()) {
            problems.add("auth " + type.name().toLowerCase().replace('_', '-') + " needs auth." + name
                    + " (set it from an environment variable, for example ${CRM_TOKEN})");
        }
    }

    /** The header name and value to send, or null for no authentication. */
    String[] authorization() {
        return switch (type) {
            case BEARER -> new String[] {"Authorization", "Bearer " + token};
            case BASIC -> new String[] {"Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))};
            case API_KEY -> new String[] {header, apiKey};
            case NONE -> null;
        };
    }

    /** The credentials themselves, so that error texts can be scrubbed of them. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String value : new String[] {token, password, apiKey}) {
            if (value != null && !value.isBlank()) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "AuthProperties[type=" + type + ", username=" + username + ", header=" + header + ", secrets=***]";
    }
}
