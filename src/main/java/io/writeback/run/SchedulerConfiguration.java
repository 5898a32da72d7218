package io.writeback.run;

import org.apache.camel.component.quartz.QuartzComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code quartz:} component that triggers scheduled syncs. Without a Camel starter for Quartz,
 * it is configured here rather than through {@code camel.component.quartz.*} properties.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /** @param schedulesEnabled false keeps every schedule from firing; runs are then started through the API */
    @Bean("quartz")
    QuartzComponent quartz(@Value("${writeback.schedules.enabled:true}") boolean schedulesEnabled) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setAutoStartScheduler(schedulesEnabled);
        return quartz;
    }
}
