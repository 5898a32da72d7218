package io.writeback.run;

import io.writeback.link.LinkIntents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At startup, closes the runs that a previous process left open when it stopped, and makes the inserts
 * they sent without recording an outcome pending links, for their syncs' next runs to recover.
 */
@Component
public class LeftoverRuns implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LeftoverRuns.class);

    private final RunLedger ledger;
    private final LinkIntents intents;

    public LeftoverRuns(RunLedger ledger, LinkIntents intents) {
        this.ledger = ledger;
        this.intents = intents;
    }

    @Override
    public void afterPropertiesSet() {
        int interrupted = ledger.interruptLeftovers();
        if (interrupted > 0) {
            log.warn("{} run(s) left open by a previous process were marked interrupted", interrupted);
        }
        int pending = intents.reclaimIntents(null);
        if (pending > 0) {
            log.warn("{} insert(s) were sent by a previous process without their outcome being recorded; "
                    + "they are pending until their syncs' next runs recover them", pending);
        }
    }
}
