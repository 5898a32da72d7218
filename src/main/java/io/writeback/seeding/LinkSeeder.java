package io.writeback.seeding;

import io.writeback.link.ManualLinks;
import io.writeback.source.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fills a sync's link table from a query on the warehouse that pairs source ids with the ids of
 * records already in the target (matched on an email, a VAT number...), so that the sync updates
 * them instead of creating them again. Existing links are never changed. The query is one SELECT
 * ({@link SeedQuery}), run in a read-only transaction under a statement timeout, one seeding at a time.
 */
@Component
public class LinkSeeder {

    private static final Logger log = LoggerFactory.getLogger(LinkSeeder.class);
    private static final int BATCH = 1000;
    /** Errors about the query's text (syntax, names, types, privileges): their messages hold no row data. */
    private static final String QUERY_ERRORS = "42";
    private static final String UNDEFINED_COLUMN = "42703";
    private static final String READ_ONLY_TRANSACTION = "25006";
    private static final String CANCELLED = "57014";

    private final Warehouse warehouse;
    private final ManualLinks links;
    private final Duration timeout;
    private final Semaphore oneAtATime = new Semaphore(1);

    public LinkSeeder(Warehouse warehouse, ManualLinks links, @Value("${writeback.seeding.timeout:30s}") Duration timeout) {
        this.warehouse = warehouse;
        this.links = links;
        this.timeout = timeout;
    }

    /** Another seeding is under way; seedings run one at a time, so they cannot take every warehouse connection. */
    public static class SeedingBusyException extends RuntimeException {
        SeedingBusyException() {
            super("another link seeding is running; try again when it has ended");
        }
    }

    /** What seeding did: links written, pairs whose source id was linked already, rows with a NULL id. */
    public record Seeded(long linked, long alreadyLinked, long incomplete) {
    }

    /**
     * @throws IllegalArgumentException naming the sync and what is wrong with the query
     * @throws SeedingBusyException     while another seeding runs
     */
    public Seeded seed(String sync, String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("sync " + sync + ": give the seed query in 'query'");
        }
        String statement = SeedQuery.wrap(sync, query);
        if (!oneAtATime.tryAcquire()) {
            throw new SeedingBusyException();
        }
        try (Connection connection = warehouse.streamingConnection()) {
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET TRANSACTION READ ONLY");
                settings.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
            }
            try (PreparedStatement seedQuery = connection.prepareStatement(statement)) {
                seedQuery.setFetchSize(BATCH);
                try (ResultSet rs = seedQuery.executeQuery()) {
                    return seed(sync, rs);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("sync " + sync + ": the seed query failed: " + withoutRowData(e), e);
        } finally {
            oneAtATime.release();
        }
    }

    /**
     * The database's words where they are about the query's text; otherwise only the kind of error, since
     * a message about a value ({@code invalid input syntax for type integer: "..."}) quotes the row's data.
     */
    private String withoutRowData(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(UNDEFINED_COLUMN)) {
            return e.getMessage() + "; alias its columns AS source_id, target_id";
        }
        if (state.startsWith(QUERY_ERRORS) || state.equals(READ_ONLY_TRANSACTION)) {
            return e.getMessage();
        }
        log.warn("A link seeding query failed with SQLSTATE {}", state);
        return state.equals(CANCELLED)
                ? "it ran longer than writeback.seeding.timeout (" + timeout.toSeconds() + " s) and was cancelled"
                : "SQLSTATE " + state + " (the database's message is withheld: it may quote the rows' data)";
    }

    private Seeded seed(String sync, ResultSet rs) throws SQLException {
        long linked = 0;
        long pairs = 0;
        long incomplete = 0;
        List<String> sourceIds = new ArrayList<>(BATCH);
        List<String> targetIds = new ArrayList<>(BATCH);
        while (rs.next()) {
            String sourceId = rs.getString(1);
            String targetId = rs.getString(2);
            if (sourceId == null || targetId == null) {
                incomplete++;
                continue;
            }
            sourceIds.add(sourceId);
            targetIds.add(targetId);
            if (sourceIds.size() == BATCH) {
                pairs += sourceIds.size();
                linked += links.seed(sync, sourceIds, targetIds);
                sourceIds.clear();
                targetIds.clear();
            }
        }
        pairs += sourceIds.size();
        linked += sourceIds.isEmpty() ? 0 : links.seed(sync, sourceIds, targetIds);
        return new Seeded(linked, pairs - linked, incomplete);
    }
}
