package io.writeback.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.writeback.WritebackApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

class StartupValidationTest {

    @Test
    void anInvalidSyncFileStopsStartupNamingTheFileAndField(@TempDir Path routes) throws IOException {
        Files.writeString(routes.resolve("companies.camel.yaml"), Files.readString(Path.of("routes/demo/companies.camel.yaml"))
                .replace("key: id", "key: id\n              batch: 10"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(WritebackApplication.class).run(
                "--server.port=0", "--writeback.schedules.enabled=false", "--writeback.embedded-db.clean=true",
                "--writeback.embedded-db.data-dir=target/test-db/startup", "--writeback.routes-dir=" + routes))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(InvalidSyncFilesException.class)
                        .hasMessageContaining(routes.resolve("companies.camel.yaml")
                                + ": sync 'companies': unknown parameter 'batch' for writeback:source"));
    }
}
