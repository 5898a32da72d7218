package io.writeback.destination;

import io.writeback.pipeline.StageOptions;
import java.util.List;
import java.util.regex.Pattern;

/** Parameters of {@code writeback:deliver}: which connection and which object of it receive the records. */
public class DeliverOptions implements StageOptions {

    private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private String connection;
    private String object;
    private int batchSize = 100;
    private String matchOn;

    @Override
    public void check(List<String> problems) {
        if (connection == null || connection.isBlank()) {
            problems.add("writeback:deliver needs 'connection': the name of a connection under writeback.connections");
        }
        if (batchSize < 1 || batchSize > 1000) {
            problems.add("writeback:deliver 'batchSize' must be between 1 and 1000, not " + batchSize);
        }
        if (object == null || object.isBlank()) {
            problems.add("writeback:deliver needs 'object': the destination object records are written to");
        } else if (!OBJECT.matcher(object).matches()) {
            problems.add("writeback:deliver 'object' may hold letters, digits, '_', '-' and '.', not '" + object + "'");
        }
    }

    /** Records per bulk call where the object has a bulk endpoint (capped by its maximum); 1 sends each alone. */
    public int batchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * The payload field by which a new record is looked up in the target before it is inserted (null:
     * never): a record found there is linked to it and updated instead of created again.
     */
    public String matchOn() {
        return matchOn;
    }

    public void setMatchOn(String matchOn) {
        this.matchOn = matchOn == null || matchOn.isBlank() ? null : matchOn.strip();
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
