package io.writeback.transform;

import groovy.lang.GroovyShell;
import io.writeback.pipeline.StageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.codehaus.groovy.control.CompilationFailedException;

/** Parameters of {@code writeback:transform}: the Groovy script run on each record between mapping and plan. */
public class TransformOptions implements StageOptions {

    private static final String FILE = "resource:file:";

    private String groovy;

    @Override
    public void check(List<String> problems) {
        if (groovy == null || groovy.isBlank()) {
            problems.add("writeback:transform needs 'groovy': the script run on each record");
            return;
        }
        String text = groovy;
        if (groovy.startsWith(FILE)) {
            Path file = Path.of(groovy.substring(FILE.length()));
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                problems.add("writeback:transform groovy: the script file " + file + " cannot be read: " + e.getMessage());
                return;
            }
        } else if (groovy.startsWith("resource:")) {
            return;
        }
        try {
            new GroovyShell().parse(text);
        } catch (CompilationFailedException e) {
            problems.add("writeback:transform groovy: the script " + (text == groovy ? "" : groovy.substring(FILE.length()) + " ")
                    + "does not compile: " + compilerMessage(e));
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
