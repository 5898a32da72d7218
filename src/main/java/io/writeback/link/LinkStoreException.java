package io.writeback.link;

import java.sql.SQLException;

/** The link table could not be read or written: the run cannot go on without it. */
public class LinkStoreException extends RuntimeException {

    public LinkStoreException(String what, SQLException cause) {
        super(what + " failed: " + cause.getMessage(), cause);
    }
}
