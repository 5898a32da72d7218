package io.writeback.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

/** The built jar carries the component's descriptor where Camel's catalog and tools look for it. */
class ComponentDescriptorIT {

    @Test
    void theJarHoldsTheDescriptorAndItsServiceEntries() throws IOException {
        try (JarFile jar = new JarFile("target/writeback.jar")) {
            // Spring Boot keeps META-INF at the jar's root (services aside), on the class path of the launched application.
            ZipEntry descriptor = jar.getEntry(ComponentDescriptorTest.DESCRIPTOR);
            assertThat(descriptor).as("descriptor in the jar").isNotNull();
            try (InputStream in = jar.getInputStream(descriptor)) {
                ComponentModel model = ComponentDescriptorTest.catalogModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(model.getSyntax()).isEqualTo("writeback:stage");
                assertThat(model.getEndpointParameterOptions()).extracting(option -> option.getName()).contains("query", "connection");
            }
            for (String service : new String[] {"component/writeback", "configurer/writeback-endpoint", "urifactory/writeback-endpoint"}) {
                assertThat(jar.getEntry("BOOT-INF/classes/META-INF/services/org/apache/camel/" + service)).as(service).isNotNull();
            }
        }
    }
}
