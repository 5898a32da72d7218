package io.writeback.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that depend on how Writeback runs: on the embedded default (no database URL) it listens on
 * loopback only unless {@code server.address} says otherwise; and its own sandbox connection gets a
 * password for this process.
 */
public class LocalDefaults implements EnvironmentPostProcessor {

    static final String SANDBOX_CLIENT_PASSWORD = "writeback.sandbox.client-password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty(SANDBOX_CLIENT_PASSWORD)) {
            defaults.put(SANDBOX_CLIENT_PASSWORD, OwnerOnlyFile.randomSecret());
        }
        String databaseUrl = environment.getProperty("spring.datasource.url", "");
        if (databaseUrl.isBlank() && !environment.containsProperty("server.address")) {
            defaults.put("server.address", "127.0.0.1");
        }
        environment.getPropertySources().addLast(new MapPropertySource("writebackLocalDefaults", defaults));
    }
}
