package io.writeback.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The upstream jobs syncs may wait for ({@code writeback.jobs.<name>}), started by a call on a
 * connection and polled until they report done or failed.
 */
@ConfigurationProperties("writeback")
public record UpstreamJobs(Map<String, Job> jobs) {

    public UpstreamJobs {
        jobs = jobs == null ? Map.of() : jobs;
    }

    /**
     * One job.
     *
     * @param connection    the connection its calls go through (its base URL, login, rate limit)
     * @param start         the call that starts it: method (POST by default), path, body
     * @param idPointer     where the start's answer holds the run of the job, for {@code {id}} in the status path
     * @param statusPath    the status call's path (a GET), with {@code {id}}
     * @param statusPointer where the status answer holds the state
     * @param done          the states that mean it finished well
     * @param failed        the states that mean it failed
     * @param pollEvery     time between status calls, 10 s by default
     * @param timeout       how long to wait in all, 30 minutes by default
     */
    public record Job(String connection, Start start, String idPointer, String statusPath, String statusPointer, List<String> done,
            List<String> failed, Duration pollEvery, Duration timeout) {

        public Job {
            done = done == null ? List.of() : done;
            failed = failed == null ? List.of() : failed;
            pollEvery = pollEvery == null ? Duration.ofSeconds(10) : pollEvery;
            timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        }
    }

    /** The call that starts a job. */
    public record Start(String method, String path, String body) {

        public Start {
            method = method == null || method.isBlank() ? "POST" : method;
        }
    }
}
