package io.writeback.cli;

/** The command line's exit codes, for scripts. */
final class Exit {

    static final int OK = 0;
    /** The command ran and what it reports failed: a run that failed or completed with errors, invalid sync files. */
    static final int FAILED = 1;
    /** The command line itself is wrong (picocli's usage error). */
    static final int USAGE = 2;
    /** Writeback cannot be reached, or the login or role does not allow the command. */
    static final int UNREACHABLE = 3;
    /** Refused as things stand: the sync is paused or already running. */
    static final int REFUSED = 4;
    /** No such sync, run or record. */
    static final int NOT_FOUND = 5;

    private Exit() {
    }
}
