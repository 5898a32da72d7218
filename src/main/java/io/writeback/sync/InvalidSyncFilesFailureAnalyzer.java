package io.writeback.sync;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns invalid sync files into a short startup report instead of a stack of bean errors. */
public class InvalidSyncFilesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSyncFilesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSyncFilesException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the sync files and connection settings named above; `java -jar writeback.jar --validate` checks them without starting Writeback.",
                cause);
    }
}
