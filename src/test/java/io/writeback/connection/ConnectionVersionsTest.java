package io.writeback.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.TestUsers;
import org.junit.jupiter.api.Test;

/** The settings of each connection are kept as versions at startup, with no secret in them. */
class ConnectionVersionsTest extends CrmDestinationTest {

    @Test
    void aConnectionsSettingsAreKeptWithoutItsSecrets() {
        JsonNode crm = TestUsers.VIEWER.on(anonymous).getForObject("/api/connections/crm/versions", JsonNode.class);
        JsonNode oauth = TestUsers.VIEWER.on(anonymous).getForObject("/api/connections/crm_oauth/versions", JsonNode.class);
        JsonNode file = TestUsers.VIEWER.on(anonymous).getForObject("/api/connections/crm_file/versions", JsonNode.class);

        String settings = crm.at("/0/content").asText();
        assertThat(settings).contains("auth.type = bearer\n", "auth.token = ***\n", "headers.x-client = writeback\n",
                "base-url = " + CRM.baseUrl() + "/crm/v1\n", "objects.people.update.method = PUT\n").doesNotContain(TOKEN);
        assertThat(crm.at("/0/hash").asText()).hasSize(64);
        assertThat(oauth.at("/0/content").asText()).contains("auth.client-secret = ***\n").doesNotContain(CLIENT_SECRET);
        assertThat(file.at("/0/content").asText()).contains("auth.token-file = " + TOKEN_FILE + "\n");
        assertThat(anonymous.getForEntity("/api/connections/crm/versions", String.class).getStatusCode().value()).isEqualTo(401);
    }
}
