package io.writeback.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunScope;
import io.writeback.kernel.SyncRecord;
import io.writeback.support.WritebackIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The source's rows, read a chunk ahead, against the embedded PostgreSQL. */
class RowStreamTest extends WritebackIntegrationTest {

    @Autowired
    SourceReader reader;

    @Test
    void chunksComeInQueryOrderAndTheLastOneMayBeEmpty() {
        SourceOptions source = source("SELECT g AS id FROM generate_series(1, 6) AS g ORDER BY g");
        RunContext run = run(source);
        List<List<String>> chunks = new ArrayList<>();

        try (RowStream rows = reader.open(run, source, null, null)) {
            rows.forEachRemaining(chunk -> chunks.add(chunk.stream().map(SyncRecord::sourceId).toList()));
        }

        assertThat(chunks).containsExactly(List.of("1", "2", "3"), List.of("4", "5", "6"), List.of());
        assertThat(run.counts().totals().rowsRead()).isEqualTo(6);
    }

    @Test
    void aRowThatFailsMidwayFailsTheChunkItIsInNamingTheSyncAfterTheChunksBefore() {
        SourceOptions source = source("SELECT g AS id, 1 / (5 - g) AS x FROM generate_series(1, 8) AS g");
        RunContext run = run(source);

        try (RowStream rows = reader.open(run, source, null, null)) {
            assertThat(rows.next()).extracting(SyncRecord::sourceId).containsExactly("1", "2", "3");
            assertThatThrownBy(rows::next).isInstanceOf(SourceQueryException.class)
                    .hasMessageStartingWith("sync reader_test: reading the query's rows failed: ")
                    .hasMessageContaining("division by zero");
        }
    }

    @Test
    void bytesArriveAsBase64AndARowWithAValueJsonCannotCarryIsInvalidNamingTheColumn() {
        SourceOptions source = source("""
                SELECT 1 AS id, '\\x0102ff'::bytea AS photo, now() AS seen, 1.5::float8 AS score
                UNION ALL SELECT 2, NULL, 'infinity'::timestamptz, 2.5
                UNION ALL SELECT 3, NULL, now(), 'NaN'::float8
                ORDER BY id""");
        List<SyncRecord> records = new ArrayList<>();

        try (RowStream rows = reader.open(run(source), source, null, null)) {
            rows.forEachRemaining(records::addAll);
        }

        assertThat(records.get(0).row()).containsEntry("photo", "AQL/");
        assertThat(records.get(0).isInvalid()).isFalse();
        assertThat(records.get(1).isInvalid()).isTrue();
        assertThat(records.get(1).reason()).isEqualTo("the column 'seen' holds infinity, which no destination takes as a date");
        assertThat(records.get(2).reason()).isEqualTo("the column 'score' holds NaN, which JSON cannot carry");
    }

    private static SourceOptions source(String query) {
        SourceOptions source = new SourceOptions();
        source.setQuery(query);
        source.setKey("id");
        source.setChunkSize(3);
        return source;
    }

    private static RunContext run(SourceOptions source) {
        return new RunContext("reader_test", 1, source.spec(), RunScope.ALL, null);
    }
}
