package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.MessageRedactor;
import io.bulwark.scheduler.application.TargetNotConfiguredException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem response of the target and statistics queries when they name a target that is not configured: 404,
 * title {@code Target not found}, detail {@code target 'x' is not configured}.
 */
@RestControllerAdvice(assignableTypes = {TargetController.class, StatisticsController.class})
public class TargetProblems {

    @ExceptionHandler(TargetNotConfiguredException.class)
    ProblemDetail notConfigured(TargetNotConfiguredException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, MessageRedactor.redact(e.getMessage()));
        problem.setTitle("Target not found");
        return problem;
    }
}
