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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

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
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownTargetException.class)
    ProblemDetail unknownTarget(UnknownTargetException e) {
        return fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown target", "targetId", e.getMessage());
    }

    @ExceptionHandler(BackupNotFoundException.class)
    ProblemDetail notFound(BackupNotFoundException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Backup not found");
        return problem;
    }

    @ExceptionHandler(NotVerifiableException.class)
    ProblemDetail notVerifiable(NotVerifiableException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Nothing to verify");
        return problem;
    }

    @ExceptionHandler(KeyNotFoundException.class)
    ProblemDetail keyNotFound(KeyNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Key not found");
        return problem;
    }

    @ExceptionHandler(SoleKeyException.class)
    ProblemDetail soleKey(SoleKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Key is the only key of retained backups");
        problem.setProperty("fingerprint", e.fingerprint());
        problem.setProperty("backups", e.backups());
        return problem;
    }

    @ExceptionHandler(InvalidDestinationException.class)
    ProblemDetail invalidDestination(InvalidDestinationException e) {
        return fieldProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "Unknown or unfit destination", e.field(), e.getMessage());
    }

    @ExceptionHandler(RestoreNotFoundException.class)
    ProblemDetail restoreNotFound(RestoreNotFoundException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Restore not found");
        return problem;
    }

    @ExceptionHandler(NotRestorableException.class)
    ProblemDetail notRestorable(NotRestorableException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Backup not restorable");
        return problem;
    }

    @ExceptionHandler(DestinationRefusedException.class)
    ProblemDetail destinationRefused(DestinationRefusedException e) {
        return fieldProblem(HttpStatus.CONFLICT, "Destination refused", "database", e.getMessage());
    }

    @ExceptionHandler(ScheduleNotFoundException.class)
    ProblemDetail scheduleNotFound(ScheduleNotFoundException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Schedule not found");
        return problem;
    }

    @ExceptionHandler(ScheduleConflictException.class)
    ProblemDetail scheduleConflict(ScheduleConflictException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Schedule conflict");
        return problem;
    }

    @ExceptionHandler(PublishFailedException.class)
    ProblemDetail unavailable(PublishFailedException e) {
        log.warn("request not published: {}", MessageRedactor.redact(e.getMessage()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Message broker unavailable");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String message = "the request body is missing or is not valid JSON";
        if (e.getCause() instanceof JacksonException jackson) {
            String path = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (!path.isEmpty()) {
                field = path;
                message = field + ": " + jackson.getOriginalMessage();
            } else {
                message = "malformed JSON: " + jackson.getOriginalMessage();
            }
        }
        ProblemDetail problem = fieldProblem(HttpStatus.BAD_REQUEST, "Malformed request body", field, message);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String type = e.getRequiredType() != null ? e.getRequiredType().getSimpleName() : "the expected type";
        ProblemDetail problem = fieldProblem(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                field,
                field + ": '" + e.getValue() + "' is not a valid " + type);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail fieldProblem(HttpStatus status, String title, String field, String detail) {
        String message = MessageRedactor.redact(detail);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(title);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
