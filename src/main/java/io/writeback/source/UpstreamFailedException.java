package io.writeback.source;

/** What a sync runs before reading failed or timed out: the run fails before a row is read. */
public class UpstreamFailedException extends RuntimeException {

    public UpstreamFailedException(String message) {
        super(message);
    }
}
