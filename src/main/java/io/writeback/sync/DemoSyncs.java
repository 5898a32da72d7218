package io.writeback.sync;

import org.springframework.core.env.PropertyResolver;

/**
 * The demo syncs, under {@code <routes-dir>/demo/}: they run with the demo only, which is on by default on
 * the embedded database and off once a database URL is configured ({@code writeback.demo.enabled} decides
 * either way). Without it, neither Camel nor the sync catalog reads that directory.
 */
public final class DemoSyncs {

    public static final String DIRECTORY = "demo";

    private DemoSyncs() {
    }

    public static boolean active(PropertyResolver environment) {
        return environment.getProperty("writeback.demo.enabled", Boolean.class,
                environment.getProperty("spring.datasource.url", "").isBlank());
    }
}
