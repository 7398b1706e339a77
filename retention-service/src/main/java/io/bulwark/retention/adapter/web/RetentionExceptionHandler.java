package io.bulwark.retention.adapter.web;

import io.bulwark.contracts.MessageRedactor;
import io.bulwark.retention.application.BackupHeldException;
import io.bulwark.retention.application.BackupNotFoundException;
import io.bulwark.retention.application.DeletionInProgressException;
import io.bulwark.retention.application.HoldNotFoundException;
import io.bulwark.retention.application.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
public class RetentionExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler(BackupNotFoundException.class)
    ProblemDetail backupNotFound(BackupNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Backup not found", e.getMessage());
    }

    @ExceptionHandler(HoldNotFoundException.class)
    ProblemDetail holdNotFound(HoldNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Hold not found", e.getMessage());
    }

    @ExceptionHandler(BackupHeldException.class)
    ProblemDetail held(BackupHeldException e) {
        return problem(HttpStatus.CONFLICT, "Backup held", e.getMessage());
    }

    @ExceptionHandler(DeletionInProgressException.class)
    ProblemDetail deleting(DeletionInProgressException e) {
        return problem(HttpStatus.CONFLICT, "Backup being deleted", e.getMessage());
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
        ProblemDetail problem = problem(status, title, message);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, MessageRedactor.redact(detail));
        problem.setTitle(title);
        return problem;
    }
}
