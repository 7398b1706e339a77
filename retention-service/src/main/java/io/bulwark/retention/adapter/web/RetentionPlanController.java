package io.bulwark.retention.adapter.web;

import io.bulwark.contracts.Ids;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.application.ExpireBackups;
import io.bulwark.retention.domain.RetentionDecision;
import io.bulwark.retention.domain.RetentionPolicy;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dry run: what the retention policy of a target would keep and delete now, and why; with query parameters, a
 * preview of another policy (the configured one with those settings replaced) for this answer only. The sweep applies
 * exactly the DELETE decisions of the configured policy's plan.
 *
 * <p>400 problem ({@code application/problem+json}, property {@code field} naming the path or query parameter) for a
 * target id that is not a safe id or a preview parameter that is not valid.
 */
@RestController
public class RetentionPlanController {

    private final ExpireBackups expireBackups;

    public RetentionPlanController(ExpireBackups expireBackups) {
        this.expireBackups = expireBackups;
    }

    /**
     * The plan of one target.
     *
     * @param targetId a target id ({@code [a-z0-9][a-z0-9_-]{0,62}})
     * @param query the query parameters; the preview ones ({@link PolicyPreview#SETTINGS}, described in the API
     *     description by {@link PolicyPreviewParameters}) replace settings of the configured policy
     * @return the policy, the counts and one entry per live backup, newest first
     * @throws PolicyPreview.InvalidParameterException (400) when the target id or a preview parameter is not valid
     */
    @GetMapping("/api/retention/{targetId}")
    public Plan plan(
            @PathVariable String targetId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        if (!Ids.isSafe(targetId)) {
            throw new PolicyPreview.InvalidParameterException(
                    "targetId", "targetId must match " + Ids.SAFE_ID.pattern());
        }
        RetentionPolicy configured = expireBackups.policyOf(targetId);
        RetentionPolicy policy = PolicyPreview.apply(configured, PolicyPreview.of(query));
        List<Entry> entries =
                expireBackups.plan(targetId, policy).stream().map(Entry::of).toList();
        long deletes = entries.stream()
                .filter(e -> e.action() == RetentionDecision.Action.DELETE)
                .count();
        return new Plan(
                targetId,
                policy.name(),
                policy.zone().getId(),
                policy != configured,
                entries.size() - (int) deletes,
                (int) deletes,
                entries);
    }

    /** A target id or preview parameter that is not valid: 400, naming it. */
    @ExceptionHandler(PolicyPreview.InvalidParameterException.class)
    ProblemDetail invalid(PolicyPreview.InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("field", e.parameter());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return problem;
    }

    /**
     * A target's plan.
     *
     * @param targetId the target
     * @param policy the policy judged by, as restic writes it, e.g. {@code keep-daily=7 keep-weekly=4}
     * @param zone the time zone the periods are read in
     * @param preview true when query parameters replaced settings of the configured policy (the sweep does not
     *     apply this plan)
     * @param keep how many backups are kept
     * @param delete how many backups are deleted
     * @param backups the decision for each live backup, newest first
     */
    public record Plan(
            String targetId, String policy, String zone, boolean preview, int keep, int delete, List<Entry> backups) {}

    /**
     * The decision for one backup.
     *
     * @param rules every rule that keeps it, or the one that lets it go
     * @param reason the rules as one line
     * @param hold the reason of its hold, or null
     */
    public record Entry(
            UUID backupId,
            String prefix,
            String label,
            Tier tier,
            Instant completedAt,
            Outcome outcome,
            String hold,
            RetentionDecision.Action action,
            List<String> rules,
            String reason) {

        static Entry of(RetentionDecision d) {
            return new Entry(
                    d.backup().backupId(),
                    d.backup().prefix(),
                    d.backup().label(),
                    d.backup().tier(),
                    d.backup().completedAt(),
                    d.backup().outcome(),
                    d.backup().hold(),
                    d.action(),
                    d.rules(),
                    d.reason());
        }
    }
}
