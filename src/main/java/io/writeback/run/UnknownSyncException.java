package io.writeback.run;

/** No sync of that name is declared under the routes directory. */
public class UnknownSyncException extends RuntimeException {

    public UnknownSyncException(String sync) {
        super("no sync named '" + sync + "'");
    }
}
