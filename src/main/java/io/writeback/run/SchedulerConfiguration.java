package io.writeback.run;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code quartz:} component that triggers scheduled syncs, on Spring Boot's Quartz scheduler: its job store is
 * the clustered one in the state database ({@code spring.quartz.*}), so that each slot of a schedule fires on one
 * node of the cluster. Without a Camel starter for Quartz, {@code camel.component.quartz.*} properties would be
 * ignored; the component is configured here.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /** @param schedulesEnabled false keeps this node's scheduler from starting: no schedule fires here */
    @Bean("quartz")
    QuartzComponent quartz(Scheduler scheduler, @Value("${writeback.schedules.enabled:true}") boolean schedulesEnabled) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(scheduler);
        quartz.setAutoStartScheduler(schedulesEnabled);
        return quartz;
    }
}
