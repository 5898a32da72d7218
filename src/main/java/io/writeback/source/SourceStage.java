package io.writeback.source;

import io.writeback.pipeline.Stage;
import io.writeback.run.Bookmarks;
import io.writeback.run.RunContext;
import io.writeback.run.RunLifecycle;
import io.writeback.pipeline.StageKind;
import java.util.Collections;
import java.util.Optional;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** {@code writeback:source}: begins a run and leaves the query's rows, as an iterator of chunks, in the body. */
@Component
public class SourceStage implements Stage<SourceOptions> {

    private final RunLifecycle lifecycle;
    private final Bookmarks bookmarks;
    private final SourceReader reader;

    public SourceStage(RunLifecycle lifecycle, Bookmarks bookmarks, SourceReader reader) {
        this.lifecycle = lifecycle;
        this.bookmarks = bookmarks;
        this.reader = reader;
    }

    @Override
    public StageKind kind() {
        return StageKind.SOURCE;
    }

    @Override
    public Processor processor(SourceOptions options) {
        return exchange -> {
            Optional<RunContext> started = lifecycle.begin(exchange, options);
            if (started.isEmpty()) {
                exchange.getMessage().setBody(Collections.emptyIterator());
                return;
            }
            RunContext run = started.get();
            String bookmark = options.incremental() ? bookmarks.of(run.sync()).orElse(null) : null;
            RowStream rows = reader.open(run, bookmark);
            run.attach(rows);
            exchange.getMessage().setBody(rows);
        };
    }
}
