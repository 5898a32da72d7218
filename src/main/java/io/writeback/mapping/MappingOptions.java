package io.writeback.mapping;

import io.writeback.pipeline.StageOptions;
import java.util.List;

/** Parameters of {@code writeback:map}: which fields the payload has and where they come from. */
public class MappingOptions implements StageOptions {

    private String fields;
    private String constants;

    @Override
    public void check(List<String> problems) {
        try {
            mapping();
        } catch (IllegalArgumentException e) {
            problems.add("writeback:map " + e.getMessage());
        }
    }

    public FieldMapping mapping() {
        return FieldMapping.parse(fields, constants);
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public void setConstants(String constants) {
        this.constants = constants;
    }
}
