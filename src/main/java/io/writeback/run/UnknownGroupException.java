package io.writeback.run;

/** No group of that name is declared under the routes directory. */
public class UnknownGroupException extends RuntimeException {

    public UnknownGroupException(String group) {
        super("no group named '" + group + "'");
    }
}
