package io.writeback.api;

import io.writeback.run.GroupRunningException;
import io.writeback.run.PausedException;
import io.writeback.run.RunInProgressException;
import io.writeback.run.SyncNotStartedException;
import io.writeback.run.UnknownGroupException;
import io.writeback.run.UnknownSyncException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers API errors as RFC 9457 problem details. */
@RestControllerAdvice(basePackages = "io.writeback")
class ApiErrors {

    @ExceptionHandler(UnknownSyncException.class)
    ProblemDetail unknownSync(UnknownSyncException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(UnknownGroupException.class)
    ProblemDetail unknownGroup(UnknownGroupException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(PausedException.class)
    ProblemDetail paused(PausedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(GroupRunningException.class)
    ProblemDetail groupRunning(GroupRunningException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(RunInProgressException.class)
    ProblemDetail inProgress(RunInProgressException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(SyncNotStartedException.class)
    ProblemDetail notStarted(SyncNotStartedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
