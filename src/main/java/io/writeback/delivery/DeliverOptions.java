package io.writeback.delivery;

import io.writeback.connection.ConnectionsProperties;
import io.writeback.connection.Placeholders;
import io.writeback.kernel.References;
import io.writeback.kernel.StageOptions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of {@code writeback:deliver}: which connection and which object of it receive the records. */
@UriParams
public class DeliverOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:deliver}. */
    public static final String STAGE = "deliver";

    private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** A connection under writeback.connections */
    @UriParam(label = "deliver")
    @Metadata(required = true)
    private String connection;

    /** The destination object (people, companies): fills {object} in the connection's paths */
    @UriParam(label = "deliver")
    @Metadata(required = true)
    private String object;

    /** Records per bulk call where the object has a bulk endpoint, capped by its maximum; 1 sends each alone */
    @UriParam(label = "deliver", defaultValue = "100")
    private int batchSize = 100;

    /**
     * A payload field by which a new record is looked up in the target before its insert; one found is linked and
     * updated instead of created again
     */
    @UriParam(label = "deliver")
    private String matchOn;

    /** A statement run after each insert on writeBackDatabase, with :source_id and :target_id bound */
    @UriParam(label = "deliver", secret = true)
    private String writeBackSql;

    /** The database writeBackSql runs on: warehouse, or one under writeback.databases */
    @UriParam(label = "deliver", defaultValue = "warehouse")
    private String writeBackDatabase = ConnectionsProperties.WAREHOUSE;

    /** The connection that takes the write-back call after each insert (with writeBackPath) */
    @UriParam(label = "deliver")
    private String writeBackConnection;

    /** The method of the write-back call */
    @UriParam(label = "deliver", defaultValue = "PATCH", enums = "PATCH,PUT,POST")
    private String writeBackMethod = "PATCH";

    /** The path of the write-back call, with {source_id} and {target_id} filled in */
    @UriParam(label = "deliver", secret = true)
    private String writeBackPath;

    /** The JSON body of the write-back call, with {source_id} and {target_id} filled in */
    @UriParam(label = "deliver", secret = true)
    private String writeBackBody;

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
        if (writeBackSql != null && writeBackPath != null) {
            problems.add("writeback:deliver writes ids back either with 'writeBackSql' or with 'writeBackPath', not both");
        }
        if (writeBackSql != null && !writeBackSql.contains(":target_id")) {
            problems.add("writeback:deliver 'writeBackSql' must bind the new record's id as :target_id");
        }
        if (!ConnectionsProperties.WAREHOUSE.equals(writeBackDatabase) && writeBackSql == null) {
            problems.add("writeback:deliver 'writeBackDatabase' needs 'writeBackSql': the statement run there");
        }
        if (writeBackPath != null && writeBackConnection == null) {
            problems.add("writeback:deliver 'writeBackPath' needs 'writeBackConnection': the connection that takes the call");
        }
        if ((writeBackConnection != null || writeBackBody != null) && writeBackPath == null) {
            problems.add("writeback:deliver 'writeBackConnection' and 'writeBackBody' need 'writeBackPath'");
        }
        checkWriteBackPlaceholders("writeBackPath", writeBackPath, problems);
        checkWriteBackPlaceholders("writeBackBody", writeBackBody, problems);
        if (!List.of("PATCH", "PUT", "POST").contains(writeBackMethod)) {
            problems.add("writeback:deliver 'writeBackMethod' must be PATCH, PUT or POST, not '" + writeBackMethod + "'");
        }
    }

    private static void checkWriteBackPlaceholders(String parameter, String template, List<String> problems) {
        if (template != null) {
            Placeholders.names(template).stream().filter(name -> !List.of("source_id", "target_id").contains(name))
                    .forEach(name -> problems.add("writeback:deliver '" + parameter + "' may fill in {source_id} and "
                            + "{target_id}, not {" + name + "}"));
        }
    }

    /** Whether the target ids of new records are written back to the source after their insert. */
    public boolean writesIdsBack() {
        return writeBackSql != null || writeBackPath != null;
    }

    @Override
    public References references() {
        return References.of(Arrays.asList(connection, writeBackConnection),
                Arrays.asList(getWriteBackSql() == null ? null : getWriteBackDatabase()));
    }

    /** A statement run on {@link #getWriteBackDatabase()} for each new record, with :source_id and :target_id bound; or null. */
    public String getWriteBackSql() {
        return writeBackSql;
    }

    public void setWriteBackSql(String writeBackSql) {
        this.writeBackSql = blankToNull(writeBackSql);
    }

    /** The database {@link #getWriteBackSql()} runs on: one under writeback.databases, or the warehouse (the default). */
    public String getWriteBackDatabase() {
        return writeBackDatabase;
    }

    public void setWriteBackDatabase(String writeBackDatabase) {
        this.writeBackDatabase = writeBackDatabase == null || writeBackDatabase.isBlank() ? ConnectionsProperties.WAREHOUSE
                : writeBackDatabase.strip();
    }

    /** The connection the write-back call goes to (a name under writeback.connections), with {@link #getWriteBackPath()}. */
    public String getWriteBackConnection() {
        return writeBackConnection;
    }

    public void setWriteBackConnection(String writeBackConnection) {
        this.writeBackConnection = blankToNull(writeBackConnection);
    }

    public String getWriteBackMethod() {
        return writeBackMethod;
    }

    public void setWriteBackMethod(String writeBackMethod) {
        this.writeBackMethod = writeBackMethod == null ? "PATCH" : writeBackMethod.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The path of the write-back call, with {source_id} and {target_id} filled in; or null. */
    public String getWriteBackPath() {
        return writeBackPath;
    }

    public void setWriteBackPath(String writeBackPath) {
        this.writeBackPath = blankToNull(writeBackPath);
    }

    /** The JSON body of the write-back call, with {source_id} and {target_id} filled in; null sends none. */
    public String getWriteBackBody() {
        return writeBackBody;
    }

    public void setWriteBackBody(String writeBackBody) {
        this.writeBackBody = blankToNull(writeBackBody);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Records per bulk call where the object has a bulk endpoint (capped by its maximum); 1 sends each alone. */
    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * The payload field by which a new record is looked up in the target before it is inserted (null:
     * never): a record found there is linked to it and updated instead of created again.
     */
    public String getMatchOn() {
        return matchOn;
    }

    public void setMatchOn(String matchOn) {
        this.matchOn = matchOn == null || matchOn.isBlank() ? null : matchOn.strip();
    }

    public String getConnection() {
        return connection;
    }

    public String getObject() {
        return object;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public void setObject(String object) {
        this.object = object;
    }
}
