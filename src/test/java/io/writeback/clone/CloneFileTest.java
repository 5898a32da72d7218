package io.writeback.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A clone's sync file made from its original's. */
class CloneFileTest {

    private static final String ORIGINAL = """
            - route:
                id: helper
                from:
                  uri: direct:helper
                  steps:
                    - log: hi
            - route:
                id: accounts
                description: Accounts to the CRM
                routeConfigurationId: writeback
                from:
                  uri: quartz:writeback/accounts
                  parameters:
                    cron: "0 0/15 * * * ?"
                  steps:
                    - to:
                        uri: writeback:source
                        parameters:
                          query: |-
                            SELECT id, name
                            FROM warehouse.accounts
                          key: id
                          beforeSql: REFRESH MATERIALIZED VIEW warehouse.accounts
                          pair: crm_accounts
                    - split:
                        simple: "${body}"
                        streaming: true
                        steps:
                          - to: writeback:map?constants=source%3Dwarehouse
                          - to: writeback:plan
                          - to:
                              uri: writeback:deliver
                              parameters:
                                connection: crm
                                object: accounts
                                writeBackSql: UPDATE warehouse.accounts SET crm_id = :target_id
            """;

    @Test
    void theCloneRunsOnDemandToItsOwnTargetWithoutWhatReachesBeyondIt() {
        Map<String, Object> map = new HashMap<>();
        map.put("constants", null);
        map.put("fields", "name");

        String clone = CloneFile.of(ORIGINAL, "accounts", "accounts_try", "crm_test", "accounts", Map.of("map", map),
                "Clone of accounts");

        assertThat(clone).contains("id: accounts_try", "description: Clone of accounts", "uri: direct:clone-accounts_try",
                "routeConfigurationId: writeback", "SELECT id, name\n", "FROM warehouse.accounts", "key: id",
                "uri: writeback:map", "fields: name", "connection: crm_test", "object: accounts")
                .doesNotContain("helper", "cron", "beforeSql", "pair", "writeBackSql", "constants", "quartz");
    }

    @Test
    void aChangeOfTheDeliveryOrOfWhatACloneLeavesOutIsRefused() {
        assertThatThrownBy(() -> CloneFile.of(ORIGINAL, "accounts", "x", "sandbox", "x.accounts",
                Map.of("deliver", Map.of("connection", "crm")), "x"))
                .hasMessageContaining("'changes' may name the stages map, plan, source, transform, not 'deliver'");
        assertThatThrownBy(() -> CloneFile.of(ORIGINAL, "accounts", "x", "sandbox", "x.accounts",
                Map.of("source", Map.of("pair", "y")), "x"))
                .hasMessageContaining("a clone leaves 'pair' out of writeback:source");
        assertThatThrownBy(() -> CloneFile.of(ORIGINAL, "contacts", "x", "sandbox", "x.accounts", Map.of(), "x"))
                .hasMessageContaining("the original's file holds no route with id 'contacts'");
    }
}
