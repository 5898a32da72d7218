package io.writeback.connection;

import java.time.Duration;
import java.util.List;

/**
 * A bulk call answered by a job rather than by its results: the answer names the job, whose status is read
 * every {@code pollEvery} until it is done, and the results are then read from the job.
 *
 * @param idPointer      where the bulk call's answer holds the job's id
 * @param path           the GET path of the job's status, with {@code {id}}
 * @param statusPointer  where the status answer holds the job's state
 * @param done           the states of a job that finished, its results readable
 * @param failed         the states of a job that stopped without results
 * @param resultsPointer where a finished job's answer holds the results, one per record of the call
 * @param pollEvery      the wait between two reads of the status, 2 s by default
 * @param timeout        how long a job may take, 10 min by default; a job still running after it fails its records
 */
public record BulkJob(String idPointer, String path, String statusPointer, List<String> done, List<String> failed,
        String resultsPointer, Duration pollEvery, Duration timeout) {

    public BulkJob {
        done = done == null ? List.of() : done;
        failed = failed == null ? List.of() : failed;
        pollEvery = pollEvery == null ? Duration.ofSeconds(2) : pollEvery;
        timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
    }
}
