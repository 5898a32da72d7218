package io.writeback.demo;

import io.writeback.sync.DemoSyncs;
import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Without the demo, keeps Camel from loading the demo syncs: their directory is excluded from the routes
 * Camel reads when the context is refreshed, which is after every bean, this one included, is made.
 */
@Component
class DemoRoutes {

    DemoRoutes(CamelConfigurationProperties camel, Environment environment, @Value("${writeback.routes-dir}") String routesDir) {
        if (!DemoSyncs.active(environment)) {
            camel.getMain().setRoutesExcludePattern("file:" + routesDir + "/" + DemoSyncs.DIRECTORY + "/**");
        }
    }
}
