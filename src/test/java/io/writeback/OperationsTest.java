package io.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.WritebackIntegrationTest;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What an operator sees: health, Hawtio, and each sync as a Camel route in JMX. */
class OperationsTest extends WritebackIntegrationTest {

    @Test
    void healthReportsTheDatabaseAndEverySyncRoute() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.at("/components/camelHealth/details/route:companies").asText()).isEqualTo("UP");
        assertThat(health.at("/components/camelHealth/details/route:contacts").asText()).isEqualTo("UP");
    }

    @Test
    void hawtioIsServed() {
        assertThat(http.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void eachSyncIsARouteNamedAfterItInJmx() throws MalformedObjectNameException {
        Set<ObjectName> routes = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("org.apache.camel:context=writeback,type=routes,*"), null);

        assertThat(routes).extracting(name -> name.getKeyProperty("name"))
                .contains("\"companies\"", "\"contacts\"");
    }

    @Test
    void theConfigurationIsNotServed() {
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/actuator/configprops", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
