package io.writeback.qa;

/** A read of target records failed (other than for a record that is not there); the message says which call and why. */
class TargetReadException extends RuntimeException {

    TargetReadException(String message) {
        super(message);
    }
}
