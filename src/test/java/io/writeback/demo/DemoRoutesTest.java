package io.writeback.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoRoutesTest {

    @Test
    void theDemoRunsOnTheEmbeddedDatabaseUnlessTurnedOff() {
        assertThat(DemoRoutes.properties(null, "")).containsEntry(DemoRoutes.ACTIVE, true)
                .doesNotContainKey("camel.main.routes-exclude-pattern");
        assertThat(DemoRoutes.properties("false", "")).containsEntry(DemoRoutes.ACTIVE, false);
    }

    @Test
    void onAnExternalDatabaseTheDemoSyncsAreLeftOutOfCamelUnlessTurnedOn() {
        assertThat(DemoRoutes.properties(null, "jdbc:postgresql://db/writeback")).containsEntry(DemoRoutes.ACTIVE, false)
                .containsEntry("camel.main.routes-exclude-pattern", "file:${writeback.routes-dir}/demo/**");
        assertThat(DemoRoutes.properties("true", "jdbc:postgresql://db/writeback")).containsEntry(DemoRoutes.ACTIVE, true);
    }
}
