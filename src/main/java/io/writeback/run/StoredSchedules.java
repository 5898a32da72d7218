package io.writeback.run;

import io.writeback.sync.GroupDefinition;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.util.URISupport;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The schedules Quartz keeps in the state database for the whole cluster, made to agree with the sync files
 * before Camel starts the routes: the job of a sync or group no longer declared is deleted, and so is one whose
 * trigger changed other than by its cron (which Camel reschedules by itself), so that Camel makes it again as
 * the file says. A job is {@code quartz:writeback/<name>}: group {@code writeback}, named after its sync.
 */
@Component
class StoredSchedules implements SmartInitializingSingleton {

    static final String GROUP = "writeback";

    private static final Logger log = LoggerFactory.getLogger(StoredSchedules.class);

    private final Scheduler scheduler;
    private final SyncCatalog catalog;

    StoredSchedules(Scheduler scheduler, SyncCatalog catalog) {
        this.scheduler = scheduler;
        this.catalog = catalog;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, String> triggers = new HashMap<>();
        catalog.all().forEach((SyncDefinition sync) -> triggers.put(sync.name(), sync.trigger()));
        catalog.groups().forEach((GroupDefinition group) -> triggers.put(group.name(), group.trigger()));
        try {
            for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                String declared = triggers.get(job.getName());
                JobDetail stored = scheduler.getJobDetail(job);
                String storedUri = stored == null ? null : stored.getJobDataMap().getString(QuartzConstants.QUARTZ_ENDPOINT_URI);
                if (declared == null) {
                    scheduler.deleteJob(job);
                    log.info("Schedule {} deleted: no sync or group of that name is declared any more", job.getName());
                } else if (storedUri != null && !normalized(storedUri).equals(normalized(declared))) {
                    scheduler.deleteJob(job);
                    log.info("Schedule {} made again: its trigger is now {}", job.getName(), declared);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("the schedules kept in the state database cannot be read: " + e.getMessage(), e);
        }
    }

    /** The URI as Camel keys its endpoints, parameters in order, so that a stored and a declared one compare. */
    private static String normalized(String uri) {
        try {
            return URISupport.normalizeUri(uri);
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
