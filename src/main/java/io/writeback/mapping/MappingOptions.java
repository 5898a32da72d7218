package io.writeback.mapping;

import io.writeback.kernel.StageOptions;
import java.util.List;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of {@code writeback:map}: which fields the payload has and where they come from. */
@UriParams
public class MappingOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:map}. */
    public static final String STAGE = "map";

    /**
     * target=source pairs or bare column names, comma-separated; unset: every column of the query under its own
     * name, but the cursor
     */
    @UriParam(label = "map", secret = true)
    private String fields;

    /** Static values added to every payload, target=value, comma-separated (quote values holding commas) */
    @UriParam(label = "map", secret = true)
    private String constants;

    /**
     * Foreign keys to other syncs' records, field=parent_sync(column), comma-separated: the field gets the target id
     * of the parent record whose source id is in the column; with 'as number' after one, as a JSON number
     */
    @UriParam(label = "map", secret = true)
    private String relations;

    @Override
    public void check(List<String> problems) {
        try {
            mapping();
            relations();
        } catch (IllegalArgumentException e) {
            problems.add("writeback:map " + e.getMessage());
        }
    }

    public FieldMapping mapping() {
        return FieldMapping.parse(fields, constants);
    }

    public List<Relation> relations() {
        return Relation.parse(relations);
    }

    /** What the payload owes to the mapping and its relations: a new one makes every record's hash new. */
    public String fingerprint() {
        return mapping().fingerprint() + Relation.fingerprint(relations());
    }

    public void setRelations(String relations) {
        this.relations = relations;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public void setConstants(String constants) {
        this.constants = constants;
    }

    public String getFields() {
        return fields;
    }

    public String getConstants() {
        return constants;
    }

    public String getRelations() {
        return relations;
    }
}
