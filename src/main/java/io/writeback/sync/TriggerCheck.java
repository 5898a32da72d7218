package io.writeback.sync;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.StringHelper;
import org.quartz.CronExpression;

/** A sync's or group's trigger: a Quartz cron or a timer, described for people. */
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
        found.add("a sync starts from quartz: (cron) or timer:, not '" + uri + "'");
        return null;
    }
}
