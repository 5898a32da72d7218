package io.writeback.link;

import io.writeback.source.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Fills a sync's link table from a query on the warehouse that pairs source ids with the ids of
 * records already in the target (matched on an email, a VAT number...), so that the sync updates
 * them instead of creating them again. The query runs read-only; existing links are never changed.
 */
@Component
public class LinkSeeder {

    private static final int BATCH = 1000;

    private final Warehouse warehouse;
    private final LinkStore links;

    public LinkSeeder(Warehouse warehouse, LinkStore links) {
        this.warehouse = warehouse;
        this.links = links;
    }

    /** What seeding did: links written, pairs whose source id was linked already, rows with a NULL id. */
    public record Seeded(long linked, long alreadyLinked, long incomplete) {
    }

    /** @throws IllegalArgumentException naming the sync and what is wrong with the query */
    public Seeded seed(String sync, String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("sync " + sync + ": give the seed query in 'query'");
        }
        try (Connection connection = warehouse.streamingConnection(); Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            try (ResultSet rs = statement.executeQuery(query)) {
                return seed(sync, rs);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("sync " + sync + ": the seed query failed: " + e.getMessage(), e);
        }
    }

    private Seeded seed(String sync, ResultSet rs) throws SQLException {
        int sourceColumn = column(sync, rs.getMetaData(), "source_id");
        int targetColumn = column(sync, rs.getMetaData(), "target_id");
        long linked = 0;
        long pairs = 0;
        long incomplete = 0;
        List<String> sourceIds = new ArrayList<>(BATCH);
        List<String> targetIds = new ArrayList<>(BATCH);
        while (rs.next()) {
            String sourceId = rs.getString(sourceColumn);
            String targetId = rs.getString(targetColumn);
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

    private static int column(String sync, ResultSetMetaData columns, String name) throws SQLException {
        List<String> returned = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            if (columns.getColumnLabel(i).equals(name)) {
                return i;
            }
            returned.add(columns.getColumnLabel(i));
        }
        throw new IllegalArgumentException("sync " + sync + ": the seed query returns no column '" + name
                + "' (it returns: " + String.join(", ", returned) + "); alias its columns AS source_id, target_id");
    }
}
