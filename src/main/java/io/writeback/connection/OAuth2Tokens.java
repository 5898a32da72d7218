package io.writeback.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The access token of an OAuth2 connection (client credentials, or a signed JWT): fetched when first needed, and again
 * before it expires (a minute before, or halfway through a shorter life), or when the destination
 * refuses it.
 */
final class OAuth2Tokens {

    /** Posts a form to the token endpoint and returns the answer's status and body. */
    interface TokenEndpoint {
        Reply post(String url, String form) throws IOException;

        /** The token endpoint's answer. */
        record Reply(int status, String body) {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final String connection;
    private final AuthProperties auth;
    /** The client secret, or the private key that signs a jwt-bearer assertion. */
    private final SecretValue secret;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private String accessToken;
    private Instant refreshAt = Instant.MIN;

    OAuth2Tokens(String connection, AuthProperties auth, SecretValue secret, TokenEndpoint endpoint, Clock clock) {
        this.connection = connection;
        this.auth = auth;
        this.secret = secret;
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

    synchronized void invalidate() {
        accessToken = null;
    }

    private void fetch() throws IOException {
        String form = switch (auth.grant()) {
            case CLIENT_CREDENTIALS -> "grant_type=client_credentials&client_id=" + encode(auth.clientId())
                    + "&client_secret=" + encode(secret.get());
            case JWT_BEARER -> "grant_type=" + encode(JWT_BEARER) + "&assertion=" + encode(JwtAssertion.signed(auth.clientId(),
                    auth.username(), auth.jwtAudience(), clock.instant(), secret.get()));
        } + (auth.scope() == null || auth.scope().isBlank() ? "" : "&scope=" + encode(auth.scope()));
        TokenEndpoint.Reply reply = endpoint.post(auth.tokenUrl(), form);
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
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
