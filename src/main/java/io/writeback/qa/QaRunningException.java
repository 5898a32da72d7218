package io.writeback.qa;

/** A QA check of the sync is under way; one runs at a time. */
public class QaRunningException extends RuntimeException {

    public QaRunningException(String sync) {
        super("a QA check of sync '" + sync + "' is under way");
    }
}
