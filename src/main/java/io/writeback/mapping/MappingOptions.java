package io.writeback.mapping;

import io.writeback.kernel.StageOptions;
import java.util.List;

/** Parameters of {@code writeback:map}: which fields the payload has and where they come from. */
public class MappingOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:map}. */
    public static final String STAGE = "map";

    private String fields;
    private String constants;
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

    public void setRelations(String relations) {
        this.relations = relations;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public void setConstants(String constants) {
        this.constants = constants;
    }
}
