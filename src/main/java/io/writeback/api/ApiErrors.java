package io.writeback.api;

import io.writeback.qa.QaRunningException;
import io.writeback.run.GroupRunningException;
import io.writeback.run.PausedException;
import io.writeback.run.RunInProgressException;
import io.writeback.run.SyncNotStartedException;
import io.writeback.run.UnknownGroupException;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.InvalidSyncFilesException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers API errors as RFC 9457 problem details. */
@RestControllerAdvice(basePackages = "io.writeback")
class ApiErrors {

    /** No such sync, group, run or record. */
    @ExceptionHandler({UnknownSyncException.class, UnknownGroupException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A sync file text given through the API (a clone's) that cannot run: every problem, each on its own. */
    @ExceptionHandler(InvalidSyncFilesException.class)
    ProblemDetail invalidSync(InvalidSyncFilesException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    /** Refused as things stand: paused, running already, its route stopped. */
    @ExceptionHandler({PausedException.class, GroupRunningException.class, RunInProgressException.class,
        SyncNotStartedException.class, QaRunningException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
