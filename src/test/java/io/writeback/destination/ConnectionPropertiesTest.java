package io.writeback.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionPropertiesTest {

    @Test
    void eachAuthTypeSendsItsHeader() {
        assertThat(auth(AuthType.BEARER, "tok", null, null, null, null).authorization())
                .containsExactly("Authorization", "Bearer tok");
        assertThat(auth(AuthType.BASIC, null, "ann", "pw", null, null).authorization())
                .containsExactly("Authorization", "Basic YW5uOnB3");
        assertThat(auth(AuthType.API_KEY, null, null, null, null, "k1").authorization())
                .containsExactly("X-API-Key", "k1");
        assertThat(auth(AuthType.API_KEY, null, null, null, "Api-Token", "k1").authorization())
                .containsExactly("Api-Token", "k1");
        assertThat(auth(AuthType.NONE, null, null, null, null, null).authorization()).isNull();
    }

    @Test
    void credentialsNeverShowInToString() {
        AuthProperties auth = auth(AuthType.BASIC, "tok", "ann", "pw-123", null, "key-456");

        assertThat(auth.toString()).doesNotContain("tok", "pw-123", "key-456");
    }

    @Test
    void namesWhatAConnectionLacks() {
        ConnectionProperties noUrl = new ConnectionProperties(null, auth(AuthType.BEARER, "", null, null, null, null),
                null, null, null, null, null, null, null, null);
        ConnectionProperties ftp = new ConnectionProperties("ftp://x", null, null, null, null, null, null, null, null, null);

        assertThat(new ConnectionsProperties(Map.of("crm", noUrl)).problems("crm")).containsExactly(
                "connection 'crm' needs base-url",
                "connection 'crm' auth bearer needs auth.token (set it from an environment variable, for example ${CRM_TOKEN})");
        assertThat(new ConnectionsProperties(Map.of("crm", ftp)).problems("crm")).containsExactly(
                "connection 'crm' base-url must start with http://, https:// or / (this instance), not 'ftp://x'");
        assertThat(new ConnectionsProperties(Map.of("crm", ftp)).problems("erp")).containsExactly(
                "unknown connection 'erp' (configured: crm)");
    }

    @Test
    void objectsFollowRestConventionsUnlessConfigured() {
        ObjectEndpoints custom = new ObjectEndpoints(null, new ObjectEndpoints.Endpoint("PUT", "/v2/{object}/{id}"), null, "/data/id",
                null);
        ConnectionProperties crm = new ConnectionProperties("https://crm.example", null, null, null, null, null,
                Map.of("people", custom), null, null, null);

        ObjectEndpoints people = crm.object("people");
        ObjectEndpoints deals = crm.object("deals");

        assertThat(people.insert()).isEqualTo(new ObjectEndpoints.Endpoint("POST", "/{object}"));
        assertThat(people.update()).isEqualTo(new ObjectEndpoints.Endpoint("PUT", "/v2/{object}/{id}"));
        assertThat(people.idPointer()).isEqualTo("/data/id");
        assertThat(deals.update()).isEqualTo(new ObjectEndpoints.Endpoint("PATCH", "/{object}/{id}"));
        assertThat(deals.idPointer()).isEqualTo("/id");
        assertThat(crm.readTimeout()).hasSeconds(120);
    }

    private static AuthProperties auth(AuthType type, String token, String user, String password, String header, String key) {
        return new AuthProperties(type, token, user, password, header, key);
    }
}
