package io.writeback.cli;

/** A command that cannot go on: why, in a sentence, and the exit code that says it to a script. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
