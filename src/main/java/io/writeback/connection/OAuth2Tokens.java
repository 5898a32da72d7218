package io.writeback.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of an OAuth2 connection (client credentials, a signed JWT, or a refresh token): fetched when first needed, and again
 * before it expires (a minute before, or halfway through a shorter life), or when the destination
 * refuses it.
 */
final class OAuth2Tokens {

    /** Posts a form to the token endpoint and returns the answer's status and body. */
    interface TokenEndpoint {
        /** Posts {@code form}, with {@code authorization} as its Authorization header when not null. */
        Reply post(String url, String form, String authorization) throws IOException;

        /** The token endpoint's answer. */
        record Reply(int status, String body) {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(OAuth2Tokens.class);
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final String connection;
    private final AuthProperties auth;
    /** The secrets a grant may need: the client secret, the private key of a JWT, a refresh token. */
    record Secrets(SecretValue clientSecret, SecretValue privateKey, SecretValue refreshToken) {
    }

    private final Secrets secrets;
    /** The refresh token the token endpoint last gave, which replaces the configured one. */
    private String rotatedRefreshToken;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private String accessToken;
    private Instant refreshAt = Instant.MIN;

    OAuth2Tokens(String connection, AuthProperties auth, Secrets secrets, TokenEndpoint endpoint, Clock clock) {
        this.connection = connection;
        this.auth = auth;
        this.secrets = secrets;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    synchronized String current() throws IOException {
        if (accessToken == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return accessToken;
    }

    /** The last token, or null: for scrubbing texts, never fetches. */
    synchronized String lastToken() {
        return accessToken;
    }

    /** The refresh token a token endpoint gave, or null: for scrubbing texts. */
    synchronized String lastRefreshToken() {
        return rotatedRefreshToken;
    }

    synchronized void invalidate() {
        accessToken = null;
    }

    /** Forgets the token and any refresh token the endpoint gave: the configured credentials are read again. */
    synchronized void reload() {
        accessToken = null;
        rotatedRefreshToken = null;
    }

    private void fetch() throws IOException {
        String form = switch (auth.grant()) {
            case CLIENT_CREDENTIALS -> "grant_type=client_credentials&client_id=" + encode(auth.clientId())
                    + "&client_secret=" + encode(secrets.clientSecret().get());
            case JWT_BEARER -> "grant_type=" + encode(JWT_BEARER) + "&assertion=" + encode(JwtAssertion.signed(auth.clientId(),
                    auth.username(), auth.jwtAudience(), clock.instant(), secrets.privateKey().get()));
            case REFRESH_TOKEN -> "grant_type=refresh_token&refresh_token=" + encode(refreshToken());
        } + (auth.scope() == null || auth.scope().isBlank() ? "" : "&scope=" + encode(auth.scope()));
        // The client of a refresh-token grant authenticates with HTTP Basic, as RFC 6749 requires servers to accept.
        String client = auth.grant() != OAuth2Grant.REFRESH_TOKEN ? null : "Basic " + Base64.getEncoder().encodeToString(
                (encode(auth.clientId()) + ":" + encode(secrets.clientSecret().get())).getBytes(StandardCharsets.UTF_8));
        TokenEndpoint.Reply reply = endpoint.post(auth.tokenUrl(), form, client);
        JsonNode answer = reply.status() == 200 ? JSON.readTree(reply.body()) : null;
        if (answer == null || !answer.path("access_token").isTextual()) {
            throw new IOException("connection '" + connection + "': the token endpoint " + auth.tokenUrl()
                    + " answered HTTP " + reply.status() + " without an access_token");
        }
        Instant now = clock.instant();
        Duration life = Duration.ofSeconds(answer.path("expires_in").asLong(3600));
        Duration margin = life.dividedBy(2).compareTo(MARGIN) < 0 ? life.dividedBy(2) : MARGIN;
        accessToken = answer.get("access_token").asText();
        refreshAt = now.plus(life).minus(margin);
        if (auth.grant() == OAuth2Grant.REFRESH_TOKEN && answer.path("refresh_token").isTextual()
                && !answer.get("refresh_token").asText().equals(refreshToken())) {
            keep(answer.get("refresh_token").asText());
        }
    }

    private String refreshToken() {
        return rotatedRefreshToken != null ? rotatedRefreshToken : secrets.refreshToken().get();
    }

    /** Uses the new refresh token from now on, and writes it to the refresh token's file so that a restart has it too. */
    private void keep(String refreshToken) {
        rotatedRefreshToken = refreshToken;
        if (auth.refreshTokenFile() != null) {
            try {
                Files.writeString(auth.refreshTokenFile(), refreshToken, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.warn("Connection '{}': the new refresh token cannot be written to {} ({}); it is kept in memory until "
                        + "a restart", connection, auth.refreshTokenFile(), e.getClass().getSimpleName());
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
