package io.writeback.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.support.ControlledTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPropertiesTest {

    @Test
    void eachAuthTypeSendsItsHeader() throws IOException {
        assertThat(header(auth(AuthType.BEARER, "tok", null, null, null, null), "Authorization")).isEqualTo("Bearer tok");
        assertThat(header(auth(AuthType.BASIC, null, "ann", "pw", null, null), "Authorization")).isEqualTo("Basic YW5uOnB3");
        assertThat(header(auth(AuthType.API_KEY, null, null, null, null, "k1"), "X-API-Key")).isEqualTo("k1");
        assertThat(header(auth(AuthType.API_KEY, null, null, null, "Api-Token", "k1"), "Api-Token")).isEqualTo("k1");
        assertThat(header(AuthProperties.none(), "Authorization")).isNull();
    }

    @Test
    void anApiKeyCanTravelAsAQueryParameter() {
        AuthProperties auth = new AuthProperties(AuthType.API_KEY, null, null, null, null, null, null, "k 1", null,
                "hapikey", null, null, null, null, null);
        Credentials credentials = new Credentials("crm", auth, null, Clock.systemUTC());

        assertThat(credentials.url("https://api.example/v1/people")).isEqualTo("https://api.example/v1/people?hapikey=k+1");
        assertThat(credentials.url("https://api.example/v1/people?limit=1")).endsWith("?limit=1&hapikey=k+1");
        assertThat(credentials.scrubber().scrub("GET /people?hapikey=k+1 with k 1")).isEqualTo("GET /people?hapikey=*** with ***");
    }

    @Test
    void aCredentialFileIsReadAgainWhenItChanges(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "first\n");
        AuthProperties auth = new AuthProperties(AuthType.BEARER, null, file, null, null, null, null, null, null, null,
                null, null, null, null, null);
        Credentials credentials = new Credentials("crm", auth, null, Clock.systemUTC());
        assertThat(header(credentials)).isEqualTo("Bearer first");

        Files.writeString(file, "second");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(header(credentials)).isEqualTo("Bearer second");
    }

    @Test
    void anOAuth2TokenIsFetchedOnceAndRefreshedAMinuteBeforeItExpires() throws IOException {
        List<String> forms = new ArrayList<>();
        ControlledTime clock = new ControlledTime(Instant.parse("2026-01-01T00:00:00Z"));
        AuthProperties auth = new AuthProperties(AuthType.OAUTH2, null, null, null, null, null, null, null, null, null,
                "https://auth.example/token", "writeback", "s3cret", null, "crm.write");
        Credentials credentials = new Credentials("crm", auth, (url, form, authorization) -> {
            forms.add(form);
            return new OAuth2Tokens.TokenEndpoint.Reply(200,
                    "{\"access_token\": \"t" + forms.size() + "\", \"expires_in\": 600}");
        }, clock);

        assertThat(header(credentials)).isEqualTo("Bearer t1");
        clock.waitFor(Duration.ofSeconds(539));
        assertThat(header(credentials)).isEqualTo("Bearer t1");
        clock.waitFor(Duration.ofSeconds(1));
        assertThat(header(credentials)).isEqualTo("Bearer t2");
        credentials.tokenRefused();
        assertThat(header(credentials)).isEqualTo("Bearer t3");
        assertThat(forms.get(0)).isEqualTo("grant_type=client_credentials&client_id=writeback&client_secret=s3cret&scope=crm.write");
        assertThat(credentials.scrubber().scrub("s3cret t3")).isEqualTo("*** ***");
    }

    @Test
    void byDefaultAConnectionTalksToTheHostsOfItsUrlsOnly() {
        AuthProperties oauth = new AuthProperties(AuthType.OAUTH2, null, null, null, null, null, null, null, null, null,
                "https://login.example/token", "id", "secret", null, null);

        assertThat(connection("https://api.example/v1", oauth, null).hosts()).containsExactly("api.example", "login.example");
        assertThat(connection("/sandbox", null, null).hosts()).containsExactly("127.0.0.1");
        assertThat(new ConnectionsProperties(Map.of("crm", connection("https://api.example/v1", null, List.of("other.example"))), null)
                .problems("crm")).containsExactly("connection 'crm' base-url host api.example is not in its allowed-hosts [other.example]");
        assertThat(new ConnectionsProperties(Map.of("crm", connection("http://exa mple/v1", null, null)), null).problems("crm"))
                .containsExactly("connection 'crm' base-url 'http://exa mple/v1' has no host that can be read");
    }

    @Test
    void credentialsNeverShowInToString() {
        AuthProperties auth = auth(AuthType.BASIC, "tok", "ann", "pw-123", null, "key-456");

        assertThat(auth.toString()).doesNotContain("tok", "pw-123", "key-456");
    }

    @Test
    void namesWhatAConnectionLacks() {
        ConnectionProperties noUrl = connection(null, auth(AuthType.BEARER, "", null, null, null, null), null);
        ConnectionProperties ftp = connection("ftp://x", null, null);

        assertThat(new ConnectionsProperties(Map.of("crm", noUrl), null).problems("crm")).containsExactly(
                "connection 'crm' needs base-url",
                "connection 'crm' auth bearer needs auth.token or auth.token-file (set it from an environment variable, "
                        + "for example ${CRM_TOKEN}, or a file)");
        assertThat(new ConnectionsProperties(Map.of("crm", ftp), null).problems("crm")).containsExactly(
                "connection 'crm' base-url must start with http://, https:// or / (this instance), not 'ftp://x'");
        assertThat(new ConnectionsProperties(Map.of("crm", ftp), null).problems("erp")).containsExactly(
                "unknown connection 'erp' (configured: crm)");
    }

    @Test
    void namesWhatAnOdooConnectionLacksForItsVersionsProtocol() {
        AuthProperties bearer = new AuthProperties(AuthType.BEARER, "key", null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        ConnectionProperties json2 = new ConnectionProperties("https://acme.odoo.com", bearer, null, null, null, null, null, null,
                null, null, null, null, null, null, ConnectionType.ODOO, null, null, null, null, null, null, null, null, null);
        ConnectionProperties rpc = new ConnectionProperties("https://acme.odoo.com", bearer, null, null, null, null, null, null,
                null, null, null, null, null, null, ConnectionType.ODOO, null, null, null, null, "17.0", null, null, null, "acme");

        assertThat(json2.problems("odoo")).containsExactly("connection 'odoo' needs database: the name of the Odoo database");
        assertThat(json2.headers()).isEmpty();
        assertThat(rpc.problems("odoo")).containsExactly("connection 'odoo' auth.type must be basic for Odoo 17.0 (JSON-RPC: "
                + "auth.username, and the API key as auth.password)");
        assertThat(rpc.headers()).containsEntry("X-Odoo-Database", "acme");
    }

    @Test
    void aRefreshTokenGrantAuthenticatesTheClientAndKeepsTheNewRefreshTokenInItsFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("refresh-token"), "refresh-one");
        List<String> forms = new ArrayList<>();
        List<String> clients = new ArrayList<>();
        AuthProperties auth = new AuthProperties(AuthType.OAUTH2, null, null, null, null, null, null, null, null, null,
                "https://oauth.pipedrive.com/oauth/token", "writeback", "s3cret", null, null, OAuth2Grant.REFRESH_TOKEN, null, null,
                null, null, file);
        Credentials credentials = new Credentials("pd", auth, (url, form, authorization) -> {
            forms.add(form);
            clients.add(authorization);
            return new OAuth2Tokens.TokenEndpoint.Reply(200, "{\"access_token\": \"a" + forms.size()
                    + "\", \"refresh_token\": \"refresh-" + (forms.size() + 1) + "\", \"expires_in\": 3599}");
        }, new ControlledTime(Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(header(credentials)).isEqualTo("Bearer a1");
        credentials.tokenRefused();
        assertThat(header(credentials)).isEqualTo("Bearer a2");

        assertThat(forms).containsExactly("grant_type=refresh_token&refresh_token=refresh-one",
                "grant_type=refresh_token&refresh_token=refresh-2");
        assertThat(clients).containsOnly("Basic " + Base64.getEncoder().encodeToString("writeback:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(file)).isEqualTo("refresh-3");
        assertThat(credentials.scrubber().scrub("refresh-3 a2 s3cret")).isEqualTo("*** *** ***");
        assertThat(new AuthProperties(AuthType.OAUTH2, null, null, null, null, null, null, null, null, null, "https://o.example/t",
                "writeback", "s3cret", null, null, OAuth2Grant.REFRESH_TOKEN, null, null, null, null, null).problems())
                .containsExactly("auth oauth2 needs auth.refresh-token or auth.refresh-token-file (set it from an environment "
                        + "variable, for example ${CRM_TOKEN}, or a file)");
    }

    @Test
    void namesWhatAZendeskConnectionLacks() {
        ConnectionProperties zendesk = new ConnectionProperties(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, ConnectionType.ZENDESK, null, null, null, null, null, null, "basic", null, null);

        assertThat(zendesk.problems("zd")).containsExactly(
                "connection 'zd' needs base-url: the account's URL, such as https://acme.zendesk.com",
                "connection 'zd' plan must be one of [team, growth, professional, enterprise, enterprise-plus, high-volume], not 'basic'");
        assertThat(zendesk.rateLimit()).isEqualTo(new RateLimit(200, java.time.Duration.ofMinutes(1)));
    }

    @Test
    void namesWhatASalesforceConnectionWithAJwtGrantLacks() {
        AuthProperties jwt = new AuthProperties(AuthType.OAUTH2, null, null, null, null, null, null, null, null, null,
                "https://login.salesforce.com/services/oauth2/token", "3MVG9", null, null, null, OAuth2Grant.JWT_BEARER, null, null,
                null, null, null);
        ConnectionProperties salesforce = new ConnectionProperties("https://acme.my.salesforce.com", jwt, null, null, null, null,
                null, null, null, null, null, null, null, null, ConnectionType.SALESFORCE, null, null, null, null, "v64", null, null, null, null);

        assertThat(salesforce.problems("sf")).containsExactly(
                "connection 'sf' auth oauth2 needs auth.username (the user the token acts for) (set it from an environment "
                        + "variable, for example ${CRM_TOKEN}, or a file)",
                "connection 'sf' auth oauth2 needs auth.private-key or auth.private-key-file (set it from an environment "
                        + "variable, for example ${CRM_TOKEN}, or a file)",
                "connection 'sf' api-version must be a version number such as 62.0, not 'v64'");
        assertThat(jwt.jwtAudience()).isEqualTo("https://login.salesforce.com");
    }

    @Test
    void namesMethodsAnEndpointCannotTakeAndPointersThatAreNotPointers() {
        ObjectEndpoints wrong = new ObjectEndpoints(new ObjectEndpoints.Endpoint("GET", "/people"),
                new ObjectEndpoints.Endpoint("PATCH", null), new ObjectEndpoints.Endpoint("PURGE", "/people/{id}"), "data.id",
                new ObjectEndpoints.Lookup("DELETE", "/people?email={email}", null, "/results/0/id", null, null), null, null, null,
                null, null, null, null, null, null, null, null, null, null, "id", null, null);
        ConnectionProperties crm = new ConnectionProperties("https://crm.example", null, null, null, null, null,
                Map.of("people", wrong), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(crm.problems("crm")).containsExactly(
                "connection 'crm' objects.people.insert.method must be one of [POST, PUT, PATCH], not 'GET'",
                "connection 'crm' objects.people.update needs path",
                "connection 'crm' objects.people.delete.method must be one of [DELETE, POST, PUT, PATCH], not 'PURGE'",
                "connection 'crm' objects.people.lookup.method must be one of [GET, POST], not 'DELETE'",
                "connection 'crm' objects.people.id-pointer must be a JSON pointer such as /data/id, not 'data.id'",
                "connection 'crm' objects.people.updated-pointer must be a JSON pointer such as /data/id, not 'id'");
    }

    @Test
    void objectsFollowRestConventionsUnlessConfigured() {
        ObjectEndpoints custom = new ObjectEndpoints(null, new ObjectEndpoints.Endpoint("PUT", "/v2/{object}/{id}"), null,
                "/data/id", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        ConnectionProperties crm = new ConnectionProperties("https://crm.example", null, null, null, null, null,
                Map.of("people", custom), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        ObjectEndpoints people = crm.object("people");
        ObjectEndpoints deals = crm.object("deals");

        assertThat(people.insert()).isEqualTo(new ObjectEndpoints.Endpoint("POST", "/{object}"));
        assertThat(people.update()).isEqualTo(new ObjectEndpoints.Endpoint("PUT", "/v2/{object}/{id}"));
        assertThat(people.idPointer()).isEqualTo("/data/id");
        assertThat(deals.update()).isEqualTo(new ObjectEndpoints.Endpoint("PATCH", "/{object}/{id}"));
        assertThat(deals.idPointer()).isEqualTo("/id");
        assertThat(crm.readTimeout()).hasSeconds(120);
    }

    private static ConnectionProperties connection(String baseUrl, AuthProperties auth, List<String> allowedHosts) {
        return new ConnectionProperties(baseUrl, auth, null, null, null, null, null, null, null, null, allowedHosts, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static AuthProperties auth(AuthType type, String token, String user, String password, String header, String key) {
        return new AuthProperties(type, token, null, user, password, null, header, key, null, null, null, null, null, null,
                null);
    }

    private static String header(AuthProperties auth, String name) throws IOException {
        BasicHttpRequest request = new BasicHttpRequest("GET", "/");
        new Credentials("crm", auth, null, Clock.systemUTC()).apply(request);
        return request.getFirstHeader(name) == null ? null : request.getFirstHeader(name).getValue();
    }

    private static String header(Credentials credentials) throws IOException {
        BasicHttpRequest request = new BasicHttpRequest("GET", "/");
        credentials.apply(request);
        return request.getFirstHeader("Authorization").getValue();
    }
}
