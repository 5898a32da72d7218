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
                .contains("companies (routes/demo/companies.camel.yaml): upsert, cron 0/30 * * * * ?, to sandbox/companies");
    }

    @Test
    void withoutTheDemoItsSyncsAreLeftOut(CapturedOutput output) {
        int exitCode = ValidateCommand.run(new String[] {ValidateCommand.FLAG, "--writeback.demo.enabled=false"});

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("OK: 0 sync(s) in routes are valid").doesNotContain("companies");
    }

    @Test
    void refusesAFileThatUsesAnUnconfiguredConnection(@TempDir Path routes, CapturedOutput output) throws IOException {
        Files.writeString(routes.resolve("contacts.camel.yaml"), Files.readString(Path.of("routes/demo/contacts.camel.yaml"))
                .replace("connection: sandbox", "connection: crm"));

        int exitCode = ValidateCommand.run(new String[] {ValidateCommand.FLAG, "--writeback.routes-dir=" + routes});

        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains(routes.resolve("contacts.camel.yaml")
                + ": sync 'contacts': unknown connection 'crm' (configured: sandbox)");
    }

    @Test
    void refusesConnectionSettingsWithTyposWrongMethodsAndUnsetPlaceholders(CapturedOutput output) {
        int exitCode = ValidateCommand.run(new String[] {ValidateCommand.FLAG,
                "--writeback.connections.sandbox.bulk-insrt.path=/batch",
                "--writeback.connections.sandbox.objects.contacts.update.method=GET",
                "--writeback.connections.sandbox.objects.contacts.update.path=/contacts/{id}",
                "--writeback.connections.sandbox.headers.X-Tenant=${WRITEBACK_TEST_UNSET_TENANT}"});

        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr())
                .contains("connection 'sandbox' setting 'bulk-insrt.path' is not a setting of connections")
                .contains("connection 'sandbox' setting 'headers.x-tenant' uses ${WRITEBACK_TEST_UNSET_TENANT}, which is not set")
                .contains("\n  - connection 'sandbox' objects.contacts.update.method must be one of [POST, PUT, PATCH], not 'GET'")
                .contains("3 problem(s)");
    }
}
