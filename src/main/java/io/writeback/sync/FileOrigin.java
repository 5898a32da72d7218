package io.writeback.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a version of a sync file comes from: its own {@code # note:} comment, and, when the file lies in a
 * git working tree and is committed as it is, the last commit that touched it (author, message, id).
 */
record FileOrigin(String note, String author, String commit) {

    private static final Pattern NOTE = Pattern.compile("(?m)^\\s*#\\s*note:\\s*(.+)$");

    static FileOrigin of(Path file, String content) {
        Matcher note = NOTE.matcher(content);
        String fileNote = note.find() ? note.group(1).strip() : null;
        Optional<List<String>> commit = lastCommit(file);
        if (commit.isEmpty()) {
            return new FileOrigin(fileNote, null, null);
        }
        List<String> fields = commit.get();
        return new FileOrigin(fileNote != null ? fileNote : fields.get(2), fields.get(1), fields.get(0));
    }

    /** The id, author and subject of the last commit of {@code file}, when git knows it and it has no uncommitted change. */
    private static Optional<List<String>> lastCommit(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        Optional<String> changes = git(directory, "status", "--porcelain", "--", file.getFileName().toString());
        if (changes.isEmpty() || !changes.get().isBlank()) {
            return Optional.empty();
        }
        return git(directory, "log", "-1", "--format=%H%x00%an <%ae>%x00%s", "--", file.getFileName().toString())
                .map(String::strip).filter(line -> !line.isEmpty()).map(line -> List.of(line.split("\u0000", 3)))
                .filter(fields -> fields.size() == 3);
    }

    private static Optional<String> git(Path directory, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(false).start();
            git.getOutputStream().close();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
