package io.writeback.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * A bean that exists in demo mode only: {@code writeback.demo.enabled}, which is true by default on the
 * embedded database and false once a database URL is configured: the rule of
 * {@link io.writeback.sync.DemoSyncs#active}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("${writeback.demo.enabled:'${spring.datasource.url:}'.isBlank()}")
public @interface DemoMode {
}
