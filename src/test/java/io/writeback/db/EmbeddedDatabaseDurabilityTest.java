package io.writeback.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.support.WritebackIntegrationTest;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL keeps every commit it acknowledged, as crash recovery assumes. */
class EmbeddedDatabaseDurabilityTest extends WritebackIntegrationTest {

    @Test
    void commitsAreSynchronousAndFlushed() {
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
    }
}
