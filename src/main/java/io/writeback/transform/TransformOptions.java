package io.writeback.transform;

import groovy.lang.GroovyShell;
import io.writeback.pipeline.StageOptions;
import java.util.List;
import org.codehaus.groovy.control.CompilationFailedException;

/** Parameters of {@code writeback:transform}: the Groovy script run on each record between mapping and plan. */
public class TransformOptions implements StageOptions {

    private String groovy;

    @Override
    public void check(List<String> problems) {
        if (groovy == null || groovy.isBlank()) {
            problems.add("writeback:transform needs 'groovy': the script run on each record");
        } else if (!groovy.startsWith("resource:")) {
            try {
                new GroovyShell().parse(groovy);
            } catch (CompilationFailedException e) {
                problems.add("writeback:transform groovy: the script does not compile: " + compilerMessage(e));
            }
        }
    }

    /** Groovy's message without its banner and its name for the script: "line 2: Unexpected input: ...". */
    private static String compilerMessage(CompilationFailedException e) {
        return e.getMessage().replace("startup failed:", "").replaceAll("Script\\d+\\.groovy: (\\d+):", "line $1:")
                .replaceAll("\\s*\\d+ errors?\\s*$", "").replaceAll("\\s+", " ").strip();
    }

    /** The script, or {@code resource:file:...} / {@code resource:classpath:...} naming the file holding it. */
    public String script() {
        return groovy;
    }

    public void setGroovy(String groovy) {
        this.groovy = groovy;
    }
}
