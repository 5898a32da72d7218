package io.writeback.connection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Credentials of a connection. Each secret is given either as a value, from an environment variable
 * through a placeholder ({@code token: ${CRM_TOKEN}}), or as a file ({@code token-file:
 * /run/secrets/crm_token}) that is read again when it changes. {@link #toString()} never shows them.
 *
 * @param header   the header that carries an API key, {@code X-API-Key} by default
 * @param apiKeyParam a query parameter that carries the API key instead of a header
 * @param tokenUrl OAuth2 client credentials: the token endpoint; with {@code clientId}, {@code clientSecret}, {@code scope}
 */
public record AuthProperties(AuthType type, String token, Path tokenFile, String username, String password,
        Path passwordFile, String header, String apiKey, Path apiKeyFile, String apiKeyParam, String tokenUrl,
        String clientId, String clientSecret, Path clientSecretFile, String scope) {

    public AuthProperties {
        type = type == null ? AuthType.NONE : type;
        header = header == null || header.isBlank() ? "X-API-Key" : header;
    }

    public static AuthProperties none() {
        return new AuthProperties(AuthType.NONE, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        switch (type) {
            case BEARER -> requireSet(problems, token != null && !token.isBlank() || tokenFile != null, "token or auth.token-file");
            case BASIC -> {
                requireSet(problems, username != null && !username.isBlank(), "username");
                requireSet(problems, password != null && !password.isBlank() || passwordFile != null, "password or auth.password-file");
            }
            case API_KEY -> requireSet(problems, apiKey != null && !apiKey.isBlank() || apiKeyFile != null, "api-key or auth.api-key-file");
            case OAUTH2 -> {
                requireSet(problems, tokenUrl != null && tokenUrl.matches("(?i)https?://.+"), "token-url (an http or https URL)");
                requireSet(problems, clientId != null && !clientId.isBlank(), "client-id");
                requireSet(problems, clientSecret != null && !clientSecret.isBlank() || clientSecretFile != null,
                        "client-secret or auth.client-secret-file");
            }
            case NONE -> {
            }
        }
        return problems;
    }

    private void requireSet(List<String> problems, boolean set, String name) {
        if (!set) {
            problems.add("auth " + type.name().toLowerCase().replace('_', '-') + " needs auth." + name
                    + " (set it from an environment variable, for example ${CRM_TOKEN}, or a file)");
        }
    }

    @Override
    public String toString() {
        return "AuthProperties[type=" + type + ", username=" + username + ", header=" + header + ", clientId=" + clientId
                + ", secrets=***]";
    }
}
