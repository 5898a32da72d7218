package io.writeback.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Each connection's settings as written, one {@code setting = value} line each, in name order, with no
 * secret: a credential shows as the placeholder it is given by ({@code ${CRM_TOKEN}}), or as {@code ***};
 * so is a header that carries one. What the versions of a connection keep.
 */
public final class ConnectionSettingsText {

    private static final List<String> SECRET_SETTINGS = List.of("token", "password", "client-secret", "api-key");
    private static final List<String> SECRET_HEADER_WORDS = List.of("authorization", "token", "key", "secret", "cookie");

    private ConnectionSettingsText() {
    }

    /** By connection name. */
    public static Map<String, String> of(ConfigurableEnvironment environment) {
        Map<String, StringBuilder> texts = new TreeMap<>();
        ConnectionSettingsCheck.raw(environment).forEach((name, value) -> {
            List<String> setting = ConnectionSettingsCheck.setting(name);
            if (setting.isEmpty()) {
                return;
            }
            texts.computeIfAbsent(ConnectionSettingsCheck.connection(name), c -> new StringBuilder())
                    .append(String.join(".", setting)).append(" = ")
                    .append(secret(setting) ? masked(value) : value).append('\n');
        });
        Map<String, String> result = new LinkedHashMap<>();
        texts.forEach((connection, text) -> result.put(connection, text.toString()));
        return result;
    }

    private static boolean secret(List<String> setting) {
        String last = setting.get(setting.size() - 1);
        if (setting.get(0).equals("headers")) {
            return SECRET_HEADER_WORDS.stream().anyMatch(last::contains);
        }
        return setting.get(0).equals("auth") && SECRET_SETTINGS.contains(last);
    }

    /** A value given by a placeholder shows it; any other secret is hidden. */
    private static String masked(String value) {
        return value.matches("\\$\\{[^}]+}") ? value : "***";
    }
}
