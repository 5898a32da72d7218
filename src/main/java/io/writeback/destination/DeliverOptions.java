package io.writeback.destination;

import io.writeback.pipeline.StageOptions;
import java.util.List;
import java.util.regex.Pattern;

/** Parameters of {@code writeback:deliver}: which connection and which object of it receive the records. */
public class DeliverOptions implements StageOptions {

    private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private String connection;
    private String object;

    @Override
    public void check(List<String> problems) {
        if (connection == null || connection.isBlank()) {
            problems.add("writeback:deliver needs 'connection': the name of a connection under writeback.connections");
        }
        if (object == null || object.isBlank()) {
            problems.add("writeback:deliver needs 'object': the destination object records are written to");
        } else if (!OBJECT.matcher(object).matches()) {
            problems.add("writeback:deliver 'object' may hold letters, digits, '_', '-' and '.', not '" + object + "'");
        }
    }

    public String connection() {
        return connection;
    }

    public String object() {
        return object;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public void setObject(String object) {
        this.object = object;
    }
}
