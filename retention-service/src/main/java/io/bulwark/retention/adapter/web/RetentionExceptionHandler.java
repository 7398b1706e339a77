package io.bulwark.retention.adapter.web;

import io.bulwark.contracts.MessageRedactor;
import io.bulwark.retention.application.BackupHeldException;
import io.bulwark.retention.application.BackupNotFoundException;
import io.bulwark.retention.application.DeletionInProgressException;
import io.bulwark.retention.application.HoldNotFoundException;
import io.bulwark.retention.application.InvalidRequestException;
import io.bulwark.service.web.FieldProblemExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the retention API's errors into RFC 9457 problem details, each detail {@link MessageRedactor#redact
 * redacted}. A client error names the offending field twice: {@code field} and {@code errors} (a list of {@code
 * {"field", "message"}}).
 *
 * <ul>
 *   <li>400: a field that breaks a rule ({@code reason}, {@code until}, {@code confirm}), malformed JSON (the JSON
 *       property when known, else {@code body}), a path parameter that is no UUID (e.g. {@code id}).
 *   <li>404: no live backup with that id; no hold to release.
 *   <li>409: the backup is held; it is held already; its deletion began.
 * </ul>
 */
@RestControllerAdvice
public class RetentionExceptionHandler extends FieldProblemExceptionHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler(BackupNotFoundException.class)
    ProblemDetail backupNotFound(BackupNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Backup not found", MessageRedactor.redact(e.getMessage()));
    }

    @ExceptionHandler(HoldNotFoundException.class)
    ProblemDetail holdNotFound(HoldNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Hold not found", MessageRedactor.redact(e.getMessage()));
    }

    @ExceptionHandler(BackupHeldException.class)
    ProblemDetail held(BackupHeldException e) {
        return problem(HttpStatus.CONFLICT, "Backup held", MessageRedactor.redact(e.getMessage()));
    }

    @ExceptionHandler(DeletionInProgressException.class)
    ProblemDetail deleting(DeletionInProgressException e) {
        return problem(HttpStatus.CONFLICT, "Backup being deleted", MessageRedactor.redact(e.getMessage()));
    }
}
