package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.MessageRedactor;
import io.bulwark.scheduler.application.NoReportException;
import io.bulwark.scheduler.application.ReportRefusedException;
import io.bulwark.scheduler.application.ReportStoreUnavailableException;
import io.bulwark.scheduler.application.ReportTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem details ({@code application/problem+json}, detail {@link MessageRedactor#redact redacted}) of the report
 * endpoints ({@link ReportController}):
 *
 * <ul>
 *   <li>404 "No report": the backup or restore has no report (yet), or it is not in the store.
 *   <li>409 "Report refused": the report's key lies outside its backup's own prefix.
 *   <li>502 "Report too large": the stored report is larger than {@code bulwark.limits.report-size}.
 *   <li>503 "Object store unavailable": no object store is configured, or it cannot be read.
 * </ul>
 */
@RestControllerAdvice
public class ReportExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReportExceptionHandler.class);

    @ExceptionHandler(NoReportException.class)
    ProblemDetail noReport(NoReportException e) {
        return problem(HttpStatus.NOT_FOUND, "No report", e.getMessage());
    }

    @ExceptionHandler(ReportRefusedException.class)
    ProblemDetail refused(ReportRefusedException e) {
        log.warn("{}", MessageRedactor.redact(e.getMessage()));
        return problem(HttpStatus.CONFLICT, "Report refused", e.getMessage());
    }

    @ExceptionHandler(ReportTooLargeException.class)
    ProblemDetail tooLarge(ReportTooLargeException e) {
        log.warn("{}", MessageRedactor.redact(e.getMessage()));
        return problem(HttpStatus.BAD_GATEWAY, "Report too large", e.getMessage());
    }

    @ExceptionHandler(ReportStoreUnavailableException.class)
    ProblemDetail unavailable(ReportStoreUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Object store unavailable", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, MessageRedactor.redact(detail));
        problem.setTitle(title);
        return problem;
    }
}
