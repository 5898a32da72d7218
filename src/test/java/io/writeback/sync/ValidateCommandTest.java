package io.writeback.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ValidateCommandTest {

    @Test
    void acceptsTheDemoSyncsWithTheDefaultConfiguration(CapturedOutput output) {
        int exitCode = ValidateCommand.run(new String[] {ValidateCommand.FLAG});

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("OK: 7 sync(s) in routes are valid")
                .contains("companies (routes/companies.camel.yaml): upsert, cron 0/30 * * * * ?, to sandbox/companies");
    }

    @Test
    void refusesAFileThatUsesAnUnconfiguredConnection(@TempDir Path routes, CapturedOutput output) throws IOException {
        Files.writeString(routes.resolve("contacts.camel.yaml"), Files.readString(Path.of("routes/contacts.camel.yaml"))
                .replace("connection: sandbox", "connection: crm"));

        int exitCode = ValidateCommand.run(new String[] {ValidateCommand.FLAG, "--writeback.routes-dir=" + routes});

        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains(routes.resolve("contacts.camel.yaml")
                + ": sync 'contacts': unknown connection 'crm' (configured: sandbox)");
    }
}
