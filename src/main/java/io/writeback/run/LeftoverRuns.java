package io.writeback.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** At startup, closes the runs that a previous process left open when it stopped. */
@Component
public class LeftoverRuns implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LeftoverRuns.class);

    private final RunLedger ledger;

    public LeftoverRuns(RunLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void afterPropertiesSet() {
        int interrupted = ledger.interruptLeftovers();
        if (interrupted > 0) {
            log.warn("{} run(s) left open by a previous process were marked interrupted", interrupted);
        }
    }
}
