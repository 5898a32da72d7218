package io.writeback.connection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Credentials of a connection. Each secret is given either as a value, from an environment variable
 * through a placeholder ({@code token: ${CRM_TOKEN}}), or as a file ({@code token-file:
 * /run/secrets/crm_token}) that is read again when it changes. {@link #toString()} never shows them.
 *
 * @param header   the header that carries an API key, {@code X-API-Key} by default
 * @param apiKeyParam a query parameter that carries the API key instead of a header
 * @param tokenUrl OAuth2: the token endpoint; with {@code clientId}, {@code clientSecret}, {@code scope}
 * @param grant    OAuth2: {@code client-credentials} (default), or {@code jwt-bearer}: a JWT signed with
 *                 {@code privateKey} (RS256) names {@code clientId} as issuer and {@code username} as subject
 * @param audience OAuth2 jwt-bearer: the JWT's audience; by default the token URL's scheme and host
 * @param refreshToken OAuth2 refresh-token: the refresh token, as a value or as a file ({@code refreshTokenFile}),
 *                 which Writeback rewrites when the token endpoint answers with a new one
 */
public record AuthProperties(AuthType type, String token, Path tokenFile, String username, String password,
        Path passwordFile, String header, String apiKey, Path apiKeyFile, String apiKeyParam, String tokenUrl,
        String clientId, String clientSecret, Path clientSecretFile, String scope, OAuth2Grant grant, String privateKey,
        Path privateKeyFile, String audience, String refreshToken, Path refreshTokenFile) {

    @ConstructorBinding
    public AuthProperties {
        type = type == null ? AuthType.NONE : type;
        header = header == null || header.isBlank() ? "X-API-Key" : header;
        grant = grant == null ? OAuth2Grant.CLIENT_CREDENTIALS : grant;
    }

    public AuthProperties(AuthType type, String token, Path tokenFile, String username, String password, Path passwordFile,
            String header, String apiKey, Path apiKeyFile, String apiKeyParam, String tokenUrl, String clientId,
            String clientSecret, Path clientSecretFile, String scope) {
        this(type, token, tokenFile, username, password, passwordFile, header, apiKey, apiKeyFile, apiKeyParam, tokenUrl,
                clientId, clientSecret, clientSecretFile, scope, null, null, null, null, null, null);
    }

    public static AuthProperties none() {
        return new AuthProperties(AuthType.NONE, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The JWT's audience: as set, else the token URL's origin. */
    String jwtAudience() {
        if (audience != null && !audience.isBlank()) {
            return audience;
        }
        java.net.URI uri = java.net.URI.create(tokenUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
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
                if (grant == OAuth2Grant.REFRESH_TOKEN) {
                    requireSet(problems, refreshToken != null && !refreshToken.isBlank() || refreshTokenFile != null,
                            "refresh-token or auth.refresh-token-file");
                }
                if (grant == OAuth2Grant.JWT_BEARER) {
                    requireSet(problems, username != null && !username.isBlank(), "username (the user the token acts for)");
                    requireSet(problems, privateKey != null && !privateKey.isBlank() || privateKeyFile != null,
                            "private-key or auth.private-key-file");
                } else {
                    requireSet(problems, clientSecret != null && !clientSecret.isBlank() || clientSecretFile != null,
                            "client-secret or auth.client-secret-file");
                }
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
        return "AuthProperties[type=" + type + ", grant=" + grant + ", username=" + username + ", header=" + header
                + ", clientId=" + clientId + ", secrets=***]";
    }
}
