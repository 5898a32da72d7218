package io.writeback.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writeback.connection.ConnectionsProperties;
import io.writeback.run.Pauses;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;

/** The configuration exported as one document, imported back as a dry run or applied. */
class ConfigurationTransferTest extends CrmDestinationTest {

    private static final Path ROUTES = Path.of("src/test/resources/routes-crm");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ConfigurationTransfer transfer;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    ConnectionsProperties connections;

    @Autowired
    Pauses pauses;

    @Test
    void exportHoldsTheSyncFilesConnectionsWithoutSecretsAndPauses() throws Exception {
        http.postForObject("/api/syncs/accounts/pause", JSON.readTree("{\"reason\": \"migration\"}"), JsonNode.class);

        JsonNode exported = TestUsers.OPERATOR.on(anonymous).getForObject("/api/export", JsonNode.class);

        assertThat(exported.get("format").asText()).isEqualTo("writeback-configuration/1");
        assertThat(exported.get("syncFiles").findValuesAsText("path")).contains("accounts.camel.yaml", "hubspot_contacts.camel.yaml");
        assertThat(exported.get("syncFiles").get(0).get("content").asText())
                .isEqualTo(Files.readString(ROUTES.resolve(exported.get("syncFiles").get(0).get("path").asText())));
        assertThat(exported.at("/connections/crm").asText()).contains("auth.token = ***").doesNotContain(TOKEN);
        assertThat(exported.get("pauses").toString()).contains("\"name\":\"accounts\"", "\"reason\":\"migration\"");
        assertThat(TestUsers.VIEWER.on(anonymous).getForEntity("/api/export", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestUsers.OPERATOR.on(anonymous).postForEntity("/api/import", exported, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void importingTheExportChangesNothingAndADryRunWritesNothing() throws Exception {
        JsonNode exported = http.getForObject("/api/export", JsonNode.class);

        JsonNode same = http.postForObject("/api/import", exported, JsonNode.class);
        ObjectNode changed = exported.deepCopy();
        ObjectNode first = (ObjectNode) changed.get("syncFiles").get(0);
        String path = first.get("path").asText();
        first.put("content", first.get("content").asText().replace("description:", "description: Changed,"));
        ((ArrayNode) changed.get("pauses")).addObject().put("kind", "sync").put("name", "people").put("by", "elsewhere");
        JsonNode dryRun = http.postForObject("/api/import", changed, JsonNode.class);

        assertThat(same.at("/syncFiles/" + path.replace("/", "~1")).asText()).isEqualTo("same");
        assertThat(same.get("syncFiles").toString()).doesNotContain("changed", "added");
        assertThat(same.get("restartNeeded").asBoolean()).isFalse();
        assertThat(dryRun.get("applied").asBoolean()).isFalse();
        assertThat(dryRun.at("/syncFiles/" + path.replace("/", "~1")).asText()).isEqualTo("changed");
        assertThat(dryRun.get("pausesSet").toString()).isEqualTo("[\"sync people\"]");
        assertThat(Files.readString(ROUTES.resolve(path))).isEqualTo(exported.get("syncFiles").get(0).get("content").asText());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.pauses", Long.class)).isZero();
    }

    @Test
    void anInvalidSyncFileIsRefusedNamingItAndNothingIsWritten() throws Exception {
        String broken = Files.readString(ROUTES.resolve("accounts.camel.yaml")).replace("id: accounts\n", "id: broken\n")
                .replace("quartz:writeback/accounts\n", "quartz:writeback/broken\n").replace("query:", "querry:");
        ObjectNode document = JSON.createObjectNode().put("format", "writeback-configuration/1");
        document.putArray("syncFiles").addObject().put("path", "broken.camel.yaml").put("content", broken);
        document.putObject("connections");
        document.putArray("pauses");

        ResponseEntity<String> refused = http.postForEntity("/api/import?apply=true", document, String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\\n  - broken.camel.yaml: sync 'broken': unknown parameter 'querry'");
        assertThat(ROUTES.resolve("broken.camel.yaml")).doesNotExist();
    }

    @Test
    void exportedImportedIntoAnEmptyInstanceAndExportedAgainTheDocumentIsTheSame(@TempDir Path emptyRoutes)
            throws Exception {
        http.postForObject("/api/syncs/accounts/pause", JSON.readTree("{\"reason\": \"migration\"}"), JsonNode.class);
        http.postForObject("/api/syncs/hubspot_contacts/pause", null, JsonNode.class);
        ConfigurationTransfer.Document exported = transfer.export();
        jdbc.execute("TRUNCATE writeback.pauses");
        ConfigurationTransfer empty = new ConfigurationTransfer(emptyRoutes, environment, connections, pauses);
        assertThat(empty.export().syncFiles()).isEmpty();
        assertThat(empty.export().pauses()).isEmpty();

        ConfigurationTransfer.Report imported = empty.importing(exported, true, "admin");

        assertThat(imported.syncFiles().values()).containsOnly("added").hasSize(exported.syncFiles().size());
        assertThat(imported.pausesSet()).containsExactly("sync accounts", "sync hubspot_contacts");
        assertThat(imported.connectionsDiffering()).isEmpty();
        assertThat((JsonNode) JSON.valueToTree(empty.export())).isEqualTo(JSON.valueToTree(exported));
    }

    @Test
    void appliedItWritesTheSyncFilesAndThePauses() throws Exception {
        String copy = Files.readString(ROUTES.resolve("accounts.camel.yaml")).replace("id: accounts\n", "id: accounts_imported\n")
                .replace("quartz:writeback/accounts\n", "quartz:writeback/accounts_imported\n");
        ObjectNode document = JSON.createObjectNode().put("format", "writeback-configuration/1");
        document.putArray("syncFiles").addObject().put("path", "imported/accounts_imported.camel.yaml").put("content", copy);
        document.putObject("connections");
        document.putArray("pauses").addObject().put("kind", "sync").put("name", "accounts").put("by", "elsewhere")
                .put("reason", "imported pause");
        try {
            JsonNode applied = http.postForObject("/api/import?apply=true", document, JsonNode.class);

            assertThat(applied.get("applied").asBoolean()).isTrue();
            assertThat(applied.at("/syncFiles/imported~1accounts_imported.camel.yaml").asText()).isEqualTo("added");
            assertThat(applied.get("restartNeeded").asBoolean()).isTrue();
            assertThat(Files.readString(ROUTES.resolve("imported/accounts_imported.camel.yaml"))).isEqualTo(copy);
            assertThat(http.getForObject("/api/syncs/accounts", JsonNode.class).at("/paused/reason").asText())
                    .isEqualTo("imported pause");
            assertThat(http.getForObject("/api/syncs/accounts", JsonNode.class).at("/paused/by").asText()).isEqualTo("elsewhere");
        } finally {
            FileSystemUtils.deleteRecursively(ROUTES.resolve("imported"));
        }
    }
}
