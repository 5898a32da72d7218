package io.writeback.sync;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.StringHelper;
import org.quartz.CronExpression;

/**
 * A sync's or group's trigger: a Quartz cron, a timer, or {@code direct:} for one that runs on demand only
 * (through the API, JMX or the command line), described for people.
 */
final class TriggerCheck {

    private TriggerCheck() {
    }

    /** The schedule, readable for people; null, with a sentence in {@code found}, when the trigger cannot work. */
    static String schedule(String uri, List<String> found) {
        String scheme = StringHelper.before(uri, ":", "");
        Map<String, Object> parameters = StageReader.parameters(uri);
        if (scheme.equals("quartz")) {
            Object cron = parameters.get("cron");
            if (cron == null) {
                found.add("the quartz trigger needs a 'cron' parameter");
                return null;
            }
            try {
                CronExpression.validateExpression(cron.toString());
            } catch (ParseException e) {
                found.add("'cron' of the quartz trigger is not a valid Quartz cron expression ('" + cron + "'): "
                        + e.getMessage());
            }
            return "cron " + cron;
        }
        if (scheme.equals("timer")) {
            return "timer, every " + parameters.getOrDefault("period", "1000") + " ms";
        }
        if (scheme.equals("direct")) {
            return "on demand only";
        }
        found.add("a sync starts from quartz: (cron), timer: or direct: (on demand only), not '" + uri + "'");
        return null;
    }
}
