package io.writeback.sync;

import java.util.List;

/** One or more sync files (or the connection settings they use) cannot run; the message lists every problem, each naming its file or connection. */
public class InvalidSyncFilesException extends RuntimeException {

    private final List<String> problems;

    public InvalidSyncFilesException(List<String> problems) {
        super(problems.size() + " problem(s) in sync files and connection settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
