package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.MessageRedactor;
import io.bulwark.scheduler.application.BackupNotFoundException;
import io.bulwark.scheduler.application.DestinationRefusedException;
import io.bulwark.scheduler.application.InvalidDestinationException;
import io.bulwark.scheduler.application.InvalidRequestException;
import io.bulwark.scheduler.application.KeyNotFoundException;
import io.bulwark.scheduler.application.NotRestorableException;
import io.bulwark.scheduler.application.NotVerifiableException;
import io.bulwark.scheduler.application.PublishFailedException;
import io.bulwark.scheduler.application.ScheduleConflictException;
import io.bulwark.scheduler.application.ScheduleNotFoundException;
import io.bulwark.scheduler.application.SoleKeyException;
import io.bulwark.scheduler.application.UnknownTargetException;
import io.bulwark.service.web.FieldProblemExceptionHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns errors into RFC 9457 problem details ({@code application/problem+json}), each detail {@link
 * MessageRedactor#redact redacted} (no secrets, no row data, bounded). Every client error
 * names the offending field twice: {@code field} (the first) and {@code errors} (a list of {@code
 * {"field", "message"}}).
 *
 * <ul>
 *   <li>400: missing or malformed {@code targetId} or {@code label}, a restore request field that breaks a rule,
 *       malformed JSON (field {@code body}, or the JSON property when known), a bad query or path parameter.
 *   <li>404: no backup or restore with that id; no VERIFIED backup of a target to restore; no such schedule.
 *   <li>409: a verification or restore asked for a backup with no stored artifact; a restore of a backup that is not
 *       VERIFIED without {@code force}; a restore into a non-empty database or the backup's own source database
 *       without {@code replace} and {@code confirm} (field {@code database}); a schedule that exists already, or
 *       a change of one declared in configuration.
 *   <li>422: the target is not configured (field {@code targetId}); the restore destination is not configured or
 *       runs another engine (field {@code destinationId} or {@code destinationTarget}).
 *   <li>503: the broker did not take the request.
 * </ul>
 */
@RestControllerAdvice
public class ApiExceptionHandler extends FieldProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Status and title of an error answered with its redacted message alone. */
    private record Plain(HttpStatus status, String title) {}

    /** The errors {@link #plain} answers, by exception class. */
    private static final Map<Class<? extends RuntimeException>, Plain> PLAIN = Map.of(
            BackupNotFoundException.class, new Plain(HttpStatus.NOT_FOUND, "Backup not found"),
            NotVerifiableException.class, new Plain(HttpStatus.CONFLICT, "Nothing to verify"),
            RestoreNotFoundException.class, new Plain(HttpStatus.NOT_FOUND, "Restore not found"),
            NotRestorableException.class, new Plain(HttpStatus.CONFLICT, "Backup not restorable"),
            ScheduleNotFoundException.class, new Plain(HttpStatus.NOT_FOUND, "Schedule not found"),
            ScheduleConflictException.class, new Plain(HttpStatus.CONFLICT, "Schedule conflict"));

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownTargetException.class)
    ProblemDetail unknownTarget(UnknownTargetException e) {
        return fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown target", "targetId", e.getMessage());
    }

    @ExceptionHandler(KeyNotFoundException.class)
    ProblemDetail keyNotFound(KeyNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Key not found", e.getMessage());
    }

    @ExceptionHandler(SoleKeyException.class)
    ProblemDetail soleKey(SoleKeyException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Key is the only key of retained backups", e.getMessage());
        problem.setProperty("fingerprint", e.fingerprint());
        problem.setProperty("backups", e.backups());
        return problem;
    }

    @ExceptionHandler(InvalidDestinationException.class)
    ProblemDetail invalidDestination(InvalidDestinationException e) {
        return fieldProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "Unknown or unfit destination", e.field(), e.getMessage());
    }

    @ExceptionHandler(DestinationRefusedException.class)
    ProblemDetail destinationRefused(DestinationRefusedException e) {
        return fieldProblem(HttpStatus.CONFLICT, "Destination refused", "database", e.getMessage());
    }

    /**
     * The errors of {@link #PLAIN}: their status and title from the table, their redacted message as detail.
     *
     * @param e one of the exceptions of {@link #PLAIN} (or a subclass), or an exception caused by one; Spring matches
     *     causes too, so the table's entry is looked up along the cause chain
     * @return the problem, without a {@code field}
     */
    @ExceptionHandler({
        BackupNotFoundException.class,
        NotVerifiableException.class,
        RestoreNotFoundException.class,
        NotRestorableException.class,
        ScheduleNotFoundException.class,
        ScheduleConflictException.class
    })
    ProblemDetail plain(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                Plain plain = PLAIN.get(type);
                if (plain != null) {
                    return problem(plain.status(), plain.title(), MessageRedactor.redact(t.getMessage()));
                }
            }
        }
        throw new IllegalStateException("no problem mapping for " + e.getClass().getName(), e);
    }

    @ExceptionHandler(PublishFailedException.class)
    ProblemDetail unavailable(PublishFailedException e) {
        log.warn("request not published: {}", MessageRedactor.redact(e.getMessage()));
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE, "Message broker unavailable", MessageRedactor.redact(e.getMessage()));
    }
}
