package io.writeback.alerts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where alerts go ({@code writeback.alerts}): webhooks and email, each for every sync or for some.
 *
 * @param webhooks    each called with a JSON body, generic or Slack's
 * @param email       mail through Spring's mail support ({@code spring.mail.host} and its settings)
 * @param failedAbove a run that completed with errors alerts when more records than this failed; 0 by default
 * @param link        the address operators reach Writeback at, for the links in alerts
 * @param staleCheck  how often syncs are checked for staleness (their health threshold), 1 minute by default
 */
@ConfigurationProperties("writeback.alerts")
public record AlertProperties(List<Webhook> webhooks, Email email, Integer failedAbove, String link, Duration staleCheck) {

    public AlertProperties {
        webhooks = webhooks == null ? List.of() : webhooks;
        email = email == null ? new Email(List.of(), null, List.of()) : email;
        failedAbove = failedAbove == null ? 0 : failedAbove;
        link = link == null || link.isBlank() ? "http://localhost:8080" : link.replaceAll("/+$", "");
        staleCheck = staleCheck == null ? Duration.ofMinutes(1) : staleCheck;
    }

    /** Whether any alert goes anywhere. */
    boolean any() {
        return !webhooks.isEmpty() || !email.to().isEmpty();
    }

    /**
     * A webhook: its URL (a secret, often: never logged), {@code json} (default) or {@code slack}, and the syncs
     * it is for (none: every sync).
     */
    public record Webhook(String url, String format, List<String> syncs) {

        public Webhook {
            format = format == null || format.isBlank() ? "json" : format;
            syncs = syncs == null ? List.of() : syncs;
        }

        boolean covers(String sync) {
            return syncs.isEmpty() || syncs.contains(sync);
        }
    }

    /** Mail to {@code to}, from {@code from}, for {@code syncs} (none: every sync). */
    public record Email(List<String> to, String from, List<String> syncs) {

        public Email {
            to = to == null ? List.of() : to;
            syncs = syncs == null ? List.of() : syncs;
        }

        boolean covers(String sync) {
            return !to.isEmpty() && (syncs.isEmpty() || syncs.contains(sync));
        }
    }
}
