package io.writeback.run;

/** A group is asked to run while its syncs are being run for it already. */
public class GroupRunningException extends RuntimeException {

    public GroupRunningException(String group) {
        super("group '" + group + "' is already running");
    }
}
