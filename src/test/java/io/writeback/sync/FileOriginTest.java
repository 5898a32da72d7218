package io.writeback.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a version of a sync file comes from: its note comment, or the git commit that last touched it. */
class FileOriginTest {

    @TempDir
    Path routes;

    @Test
    void aCommittedFileIsCreditedToItsLastCommitAndAChangedOneToNobody() throws Exception {
        git("init", "-q");
        Path file = routes.resolve("contacts.camel.yaml");
        Files.writeString(file, "- route:\n    id: contacts\n");
        git("add", "contacts.camel.yaml");
        git("-c", "user.name=Ada Lovelace", "-c", "user.email=ada@example.com", "commit", "-q", "-m", "Widen the contacts query");

        FileOrigin committed = FileOrigin.of(file, Files.readString(file));

        assertThat(committed.author()).isEqualTo("Ada Lovelace <ada@example.com>");
        assertThat(committed.note()).isEqualTo("Widen the contacts query");
        assertThat(committed.commit()).matches("[0-9a-f]{40}");

        Files.writeString(file, "# note: mode mirror for the cleanup\n- route:\n    id: contacts\n");
        FileOrigin changed = FileOrigin.of(file, Files.readString(file));

        assertThat(changed.author()).isNull();
        assertThat(changed.commit()).isNull();
        assertThat(changed.note()).isEqualTo("mode mirror for the cleanup");
    }

    @Test
    void outsideAGitTreeOnlyTheNoteComment() throws IOException {
        Path file = routes.resolve("leads.camel.yaml");
        Files.writeString(file, "- route:\n    id: leads\n");

        assertThat(FileOrigin.of(file, Files.readString(file))).isEqualTo(new FileOrigin(null, null, null));
    }

    private void git(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", routes.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).inheritIO().start();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).isZero();
    }
}
