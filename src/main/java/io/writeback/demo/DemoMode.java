package io.writeback.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean that exists in demo mode only: {@code writeback.demo.enabled}, which is true by default on the
 * embedded database and false once a database URL is configured ({@link DemoRoutes}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(DemoRoutes.ACTIVE)
public @interface DemoMode {
}
