package io.writeback.connection;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.hc.core5.http.HttpRequest;

/** The credentials of one connection as they are now: what each request carries, and what must never be shown. */
final class Credentials {

    private final AuthProperties auth;
    private final SecretValue token;
    private final SecretValue password;
    private final SecretValue apiKey;
    private final SecretValue clientSecret;
    private final SecretValue privateKey;
    private final SecretValue refreshToken;
    private final OAuth2Tokens oauth2;
    private List<String> scrubbedSecrets;
    private Scrubber scrubber;

    Credentials(String connection, AuthProperties auth, OAuth2Tokens.TokenEndpoint tokenEndpoint, java.time.Clock clock) {
        this.auth = auth;
        this.token = new SecretValue(auth.token(), auth.tokenFile());
        this.password = new SecretValue(auth.password(), auth.passwordFile());
        this.apiKey = new SecretValue(auth.apiKey(), auth.apiKeyFile());
        this.clientSecret = new SecretValue(auth.clientSecret(), auth.clientSecretFile());
        this.privateKey = new SecretValue(auth.privateKey(), auth.privateKeyFile());
        this.refreshToken = new SecretValue(auth.refreshToken(), auth.refreshTokenFile());
        this.oauth2 = auth.type() == AuthType.OAUTH2 ? new OAuth2Tokens(connection, auth,
                new OAuth2Tokens.Secrets(clientSecret, privateKey, refreshToken), tokenEndpoint, clock) : null;
    }

    /** Sets the authentication of {@code request}; an OAuth2 token is fetched or refreshed first if due. */
    void apply(HttpRequest request) throws IOException {
        switch (auth.type()) {
            case BEARER -> request.setHeader("Authorization", "Bearer " + token.get());
            case OAUTH2 -> request.setHeader("Authorization", "Bearer " + oauth2.current());
            case BASIC -> request.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((auth.username() + ":" + password.get()).getBytes(StandardCharsets.UTF_8)));
            case API_KEY -> {
                if (auth.apiKeyParam() == null) {
                    request.setHeader(auth.header(), apiKey.get());
                }
            }
            case NONE -> {
            }
        }
    }

    /** {@code url} with the API key as a query parameter, when the connection sends it that way. */
    String url(String url) {
        if (auth.type() != AuthType.API_KEY || auth.apiKeyParam() == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + URLEncoder.encode(auth.apiKeyParam(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(apiKey.get(), StandardCharsets.UTF_8);
    }

    /** The password (an API key, for protocols that carry it in the request). */
    String password() {
        return password.get();
    }

    /** Whether a 401 may be cured by a new token. */
    boolean refreshable() {
        return oauth2 != null;
    }

    void tokenRefused() {
        if (oauth2 != null) {
            oauth2.invalidate();
        }
    }

    /** What removes the credentials as they are now from a text; made again when one of them changes. */
    synchronized Scrubber scrubber() {
        List<String> secrets = new ArrayList<>();
        for (String value : new String[] {present(token), present(password), present(apiKey), present(clientSecret),
            present(privateKey), present(refreshToken), oauth2 == null ? null : oauth2.lastToken(),
            oauth2 == null ? null : oauth2.lastRefreshToken()}) {
            if (value != null && !value.isBlank()) {
                secrets.add(value);
            }
        }
        if (!secrets.equals(scrubbedSecrets)) {
            scrubber = new Scrubber(secrets, auth.type() == AuthType.BASIC ? auth.username() : null,
                    auth.type() == AuthType.API_KEY ? auth.header() : null);
            scrubbedSecrets = secrets;
        }
        return scrubber;
    }

    /** Reads credential files again and forgets any OAuth2 token. */
    void reload() {
        for (SecretValue secret : new SecretValue[] {token, password, apiKey, clientSecret, privateKey, refreshToken}) {
            secret.reload();
        }
        if (oauth2 != null) {
            oauth2.reload();
        }
    }

    private static String present(SecretValue secret) {
        return secret.present() ? secret.get() : null;
    }
}
