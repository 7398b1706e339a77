package io.bulwark.service.web;

import io.bulwark.contracts.MessageRedactor;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The base of a service's {@code @RestControllerAdvice}: Spring MVC's own errors as RFC 9457 problem details
 * ({@code application/problem+json}), and the builders of the service's own problems. A client error names the
 * offending field twice: {@code field} and {@code errors} (a list of one {@code {"field", "message"}}).
 *
 * <ul>
 *   <li>400 {@code Malformed request body}: a missing body or one that is not valid JSON; field {@code body}, or the
 *       JSON property path when Jackson knows it (e.g. {@code items.[2].name}).
 *   <li>400 {@code Invalid parameter}: a path or query parameter that does not convert to its type (e.g. {@code id}
 *       that is no UUID); the field is the parameter name.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public abstract class FieldProblemExceptionHandler extends ResponseEntityExceptionHandler {

    /** For subclasses. */
    protected FieldProblemExceptionHandler() {}

    /** A missing or malformed JSON body: 400 naming the JSON property (or {@code body}). */
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

    /** A parameter that does not convert to its type: 400 naming the parameter. */
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

    /**
     * A problem that names a field.
     *
     * @param detail the message; {@link MessageRedactor#redact redacted} here, used as {@code detail} and as the
     *     {@code message} of the one {@code errors} entry
     * @param field the request field, path or query parameter, e.g. {@code targetId}
     */
    protected static ProblemDetail fieldProblem(HttpStatus status, String title, String field, String detail) {
        String message = MessageRedactor.redact(detail);
        ProblemDetail problem = problem(status, title, message);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /**
     * A problem with a status, title and detail only.
     *
     * @param detail used as it is: the caller redacts it
     */
    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
