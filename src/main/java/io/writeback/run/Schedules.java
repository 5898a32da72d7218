package io.writeback.run;

import java.time.Instant;
import java.util.Date;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether schedules may start runs ({@code writeback.schedules.enabled}). Off, no trigger starts one, even
 * when Quartz fires anyway (it starts its scheduler when a stopped route is started again) or a timer
 * trigger ticks; runs asked for through the API, JMX or the command line still go.
 */
@Component
class Schedules {

    /** The header Quartz puts on every exchange it fires. */
    private static final String QUARTZ_FIRE_TIME = "fireTime";
    /** The header Quartz puts on every exchange it fires: the time the slot was for. */
    private static final String QUARTZ_SCHEDULED_FIRE_TIME = "scheduledFireTime";

    private final boolean enabled;

    Schedules(@Value("${writeback.schedules.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    /** The slot a Quartz schedule fired {@code exchange} for; null for another trigger. */
    Instant slot(Exchange exchange) {
        Date scheduled = exchange.getMessage().getHeader(QUARTZ_SCHEDULED_FIRE_TIME, Date.class);
        return scheduled == null ? null : scheduled.toInstant();
    }

    /** Whether {@code exchange} was fired by a schedule that must not run now. */
    boolean suppressed(Exchange exchange) {
        return !enabled && (exchange.getMessage().getHeader(QUARTZ_FIRE_TIME) != null
                || exchange.getProperty(Exchange.TIMER_FIRED_TIME) != null);
    }
}
