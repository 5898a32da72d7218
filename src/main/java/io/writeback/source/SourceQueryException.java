package io.writeback.source;

/** The sync's query cannot be run or does not return what the sync needs. */
public class SourceQueryException extends RuntimeException {

    public SourceQueryException(String message) {
        super(message);
    }

    public SourceQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
