package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.reports.BackupReportNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem details ({@code application/problem+json}) of the periodic backup report endpoints ({@link
 * BackupReportController}): 404 "Backup report not found" when no report has the id asked for.
 */
@RestControllerAdvice
public class BackupReportExceptionHandler {

    @ExceptionHandler(BackupReportNotFoundException.class)
    ProblemDetail notFound(BackupReportNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Backup report not found");
        return problem;
    }
}
