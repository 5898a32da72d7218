package io.writeback.demo;

import io.writeback.sync.SyncFileValidator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides once whether this process runs the demo: {@code writeback.demo.enabled}, or by default whether
 * it runs on the embedded database. The answer is {@code writeback.demo.active}; without the demo, the
 * demo syncs under {@code <routes-dir>/demo/} are left out, from Camel and from the sync catalog alike,
 * so that a production start with the default routes directory runs none of them.
 */
public class DemoRoutes implements EnvironmentPostProcessor {

    public static final String ACTIVE = "writeback.demo.active";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("writebackDemoRoutes", properties(
                environment.getProperty("writeback.demo.enabled"), environment.getProperty("spring.datasource.url", ""))));
    }

    /** The properties that follow from {@code enabled} (null: unset) and the database URL. */
    static Map<String, Object> properties(String enabled, String databaseUrl) {
        boolean active = enabled == null ? databaseUrl.isBlank() : Boolean.parseBoolean(enabled.strip());
        Map<String, Object> properties = new HashMap<>();
        properties.put(ACTIVE, active);
        if (!active) {
            properties.put("camel.main.routes-exclude-pattern", "file:${writeback.routes-dir}/" + SyncFileValidator.DEMO_DIRECTORY + "/**");
        }
        return properties;
    }
}
