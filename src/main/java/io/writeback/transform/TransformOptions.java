package io.writeback.transform;

import groovy.lang.GroovyShell;
import io.writeback.kernel.ResourceText;
import io.writeback.kernel.StageOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.codehaus.groovy.control.CompilationFailedException;

/** Parameters of {@code writeback:transform}: the Groovy script run on each record between mapping and plan. */
@UriParams
public class TransformOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:transform}. */
    public static final String STAGE = "transform";

    /**
     * A Groovy script run on each record, changing payload in place; or resource:file:PATH or
     * resource:classpath:PATH
     */
    @UriParam(label = "transform", secret = true)
    @Metadata(required = true)
    private String groovy;

    private String scriptText;

    @Override
    public void check(List<String> problems) {
        if (groovy == null || groovy.isBlank()) {
            problems.add("writeback:transform needs 'groovy': the script run on each record");
            return;
        }
        String text;
        try {
            text = scriptText();
        } catch (UncheckedIOException e) {
            problems.add("writeback:transform groovy: " + e.getMessage());
            return;
        }
        try {
            new GroovyShell().parse(text);
        } catch (CompilationFailedException e) {
            problems.add("writeback:transform groovy: the script " + (ResourceText.isResource(groovy) ? groovy + " " : "")
                    + "does not compile: " + compilerMessage(e));
        }
    }

    /** Groovy's message without its banner and its name for the script: "line 2: Unexpected input: ...". */
    private static String compilerMessage(CompilationFailedException e) {
        return e.getMessage().replace("startup failed:", "").replaceAll("Script\\d+\\.groovy: (\\d+):", "line $1:")
                .replaceAll("\\s*\\d+ errors?\\s*$", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * The script's text, read (once) from its file for {@code resource:file:<path>} (relative to the working
     * directory) or {@code resource:classpath:<path>}.
     *
     * @throws UncheckedIOException naming the resource that cannot be read
     */
    public synchronized String scriptText() {
        if (scriptText == null) {
            try {
                scriptText = ResourceText.of(groovy);
            } catch (IOException e) {
                throw new UncheckedIOException("the script " + groovy + " cannot be read: " + e.getMessage(), e);
            }
        }
        return scriptText;
    }

    /** What the payload owes to the script: its text, read once, as the stage runs it. */
    public String fingerprint() {
        return ";transform " + scriptText();
    }

    public synchronized void setGroovy(String groovy) {
        this.groovy = groovy;
        this.scriptText = null;
    }

    public String getGroovy() {
        return groovy;
    }
}
