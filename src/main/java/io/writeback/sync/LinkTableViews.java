package io.writeback.sync;

import io.writeback.kernel.Identifiers;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One view per sync under the {@code link_tables} schema, so analysts query a sync's links by its name. */
@Component
public class LinkTableViews implements InitializingBean {

    private final SyncCatalog catalog;
    private final JdbcTemplate jdbc;

    public LinkTableViews(SyncCatalog catalog, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        for (SyncDefinition sync : catalog.all()) {
            // A view cannot take bind parameters; the sync name is a checked identifier (Identifiers.isSyncName).
            jdbc.execute("CREATE OR REPLACE VIEW link_tables." + Identifiers.quote(sync.name()) + " AS "
                    + "SELECT source_id, target_id, status, payload_hash, first_synced_at, last_synced_at, last_error, "
                    + "attempts, last_run_id, write_back_error, row_hash FROM writeback.links WHERE sync = '" + sync.name() + "'");
        }
    }
}
