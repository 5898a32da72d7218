package io.writeback.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.support.WritebackIntegrationTest;
import org.apache.camel.component.quartz.CamelJob;
import org.apache.camel.component.quartz.QuartzConstants;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/** The schedules kept in the state database, made to agree with the demo's sync files at startup. */
class StoredSchedulesTest extends WritebackIntegrationTest {

    @Autowired
    Scheduler scheduler;

    @Autowired
    StoredSchedules stored;

    private void store(String name, String uri) throws Exception {
        scheduler.addJob(JobBuilder.newJob(CamelJob.class).withIdentity(name, StoredSchedules.GROUP).storeDurably()
                .usingJobData(QuartzConstants.QUARTZ_ENDPOINT_URI, uri).build(), true);
    }

    @Test
    void aScheduleOfNoSyncGoesOneWhoseTriggerChangedIsMadeAgainAndTheOthersStay() throws Exception {
        JobKey contacts = new JobKey("contacts", StoredSchedules.GROUP);
        assertThat(scheduler.checkExists(contacts)).as("Camel stores each sync's schedule").isTrue();
        store("gone_sync", "quartz://writeback/gone_sync?cron=0+0+1+*+*+%3F");
        store("companies", "quartz://writeback/companies?cron=0%2F30+*+*+*+*+%3F&trigger.timeZone=UTC");

        stored.afterSingletonsInstantiated();

        assertThat(scheduler.checkExists(new JobKey("gone_sync", StoredSchedules.GROUP))).isFalse();
        assertThat(scheduler.checkExists(new JobKey("companies", StoredSchedules.GROUP))).isFalse();
        assertThat(scheduler.checkExists(contacts)).as("a schedule as its file says stays").isTrue();
    }
}
