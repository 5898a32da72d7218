package io.writeback.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and fills the demo warehouse tables ({@code warehouse.companies}, {@code warehouse.contacts})
 * the first time Writeback starts on its embedded database, or whenever {@code writeback.demo.enabled}
 * is true. Existing rows are left as they are.
 */
@Component
@DemoMode
public class DemoWarehouse implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoWarehouse.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Resource script;

    public DemoWarehouse(JdbcTemplate jdbc, TransactionTemplate transaction,
            @Value("classpath:demo/warehouse.sql") Resource script) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.script = script;
    }

    /** Several nodes starting on one database make the tables one after the other, under a lock of the transaction. */
    @Override
    public void afterPropertiesSet() throws IOException {
        String tables = script.getContentAsString(StandardCharsets.UTF_8);
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('writeback demo warehouse'))", Object.class);
            jdbc.execute(tables);
        });
        log.info("Demo warehouse ready: {} companies, {} contacts",
                jdbc.queryForObject("SELECT count(*) FROM warehouse.companies", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM warehouse.contacts", Long.class));
    }
}
