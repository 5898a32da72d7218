package io.writeback.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ConnectionSettingsCheckTest {

    private static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", properties));
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    @Test
    void aValidConfigurationHasNoProblemsWhateverFormItsNamesTake() {
        StandardEnvironment valid = environment(Map.of(
                "writeback.connections.crm.base-url", "https://crm.example",
                "writeback.connections.crm.headers.X-Anything", "headers take any name",
                "writeback.connections.crm.objects.people.id-pointer", "/data/id",
                "writeback.connections.crm.objects.people.on-missing", "unlink",
                "writeback.connections.crm.bulk-insert.max-batch", "50",
                "writeback.connections.crm.retry.max-attempts", "3",
                "writeback.connections.crm.auth.token", "${CRM_TOKEN}",
                "writeback.routes-dir", "not a connection setting, and not checked here"),
                Map.of("CRM_TOKEN", "t-1", "WRITEBACK_CONNECTIONS_CRM_READTIMEOUT", "30s",
                        "WRITEBACK_CONNECTIONS_CRM_OBJECTS_PEOPLE_UPDATEDPOINTER", "/data/id"));

        assertThat(ConnectionSettingsCheck.problems(valid)).isEmpty();
    }

    @Test
    void namesEverySettingThatMeansNothingWithItsConnection() {
        StandardEnvironment typos = environment(Map.of(
                "writeback.connections.crm.base-url", "https://crm.example",
                "writeback.connections.crm.bulk-insrt.path", "/batch",
                "writeback.connections.crm.objects.people.id-poynter", "/data/id",
                "writeback.connections.crm.bulk-insert.verb", "PUT"),
                Map.of("WRITEBACK_CONNECTIONS_ERP_TIMEOUT", "5s"));

        assertThat(ConnectionSettingsCheck.problems(typos)).containsExactlyInAnyOrder(
                "connection 'crm' setting 'bulk-insrt.path' is not a setting of connections (see docs/connections.md)",
                "connection 'crm' setting 'objects.people.id-poynter' is not a setting of connections (see docs/connections.md)",
                "connection 'crm' setting 'bulk-insert.verb' is not a setting of connections (see docs/connections.md)",
                "connection 'erp' setting 'timeout' is not a setting of connections (see docs/connections.md)");
    }

    @Test
    void namesPlaceholdersNothingSetsWithoutShowingAnyValue() {
        StandardEnvironment unset = environment(Map.of(
                "writeback.connections.crm.base-url", "https://crm.example",
                "writeback.connections.crm.auth.type", "bearer",
                "writeback.connections.crm.auth.token", "${CRM_TOKEN}",
                "writeback.connections.crm.headers.X-Tenant", "${TENANT:acme}",
                "writeback.connections.crm.auth.client-secret", "${CRM_SECRET}"),
                Map.of("CRM_SECRET", "do-not-show-me"));

        assertThat(ConnectionSettingsCheck.problems(unset)).containsExactly(
                "connection 'crm' setting 'auth.token' uses ${CRM_TOKEN}, which is not set: set CRM_TOKEN in the environment, "
                        + "or give the setting a value");
    }

    @Test
    void aValueThatCannotBeReadIsNamed() {
        StandardEnvironment wrong = environment(Map.of("writeback.connections.crm.read-timeout", "soon"), Map.of());

        assertThat(ConnectionSettingsCheck.problems(wrong)).singleElement().asString()
                .startsWith("connection 'crm' setting 'read-timeout' cannot be read: ");
    }
}
