package io.writeback.component;

import org.apache.camel.model.ModelCamelContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camel settings the sync files rely on, applied as the Camel context is made, before it loads any route. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    static BeanPostProcessor stageUrisReadAsWritten() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ModelCamelContext camel) {
                    camel.addModelLifecycleStrategy(new LineBreaks());
                    camel.addModelLifecycleStrategy(new StageNodeIds());
                }
                return bean;
            }
        };
    }
}
