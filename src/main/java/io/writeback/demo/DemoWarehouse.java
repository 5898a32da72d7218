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
    private final Resource script;

    public DemoWarehouse(JdbcTemplate jdbc, @Value("classpath:demo/warehouse.sql") Resource script) {
        this.jdbc = jdbc;
        this.script = script;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        jdbc.execute(script.getContentAsString(StandardCharsets.UTF_8));
        log.info("Demo warehouse ready: {} companies, {} contacts",
                jdbc.queryForObject("SELECT count(*) FROM warehouse.companies", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM warehouse.contacts", Long.class));
    }
}
