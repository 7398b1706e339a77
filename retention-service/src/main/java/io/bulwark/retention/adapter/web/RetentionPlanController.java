package io.bulwark.retention.adapter.web;

import io.bulwark.contracts.Ids;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.application.ExpireBackups;
import io.bulwark.retention.domain.RetentionDecision;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The dry run: what the retention policy of a target would keep and delete now, and why. */
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
     * @return the policy and one entry per live backup, newest first
     * @throws ResponseStatusException 400 when the target id is not a valid id
     */
    @GetMapping("/api/retention/{targetId}")
    public Plan plan(@PathVariable String targetId) {
        if (!Ids.isSafe(targetId)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "targetId must match " + Ids.SAFE_ID.pattern());
        }
        List<Entry> entries =
                expireBackups.plan(targetId).stream().map(Entry::of).toList();
        return new Plan(targetId, expireBackups.policyOf(targetId).name(), entries);
    }

    /** A target's plan: its policy and the decision for each live backup. */
    public record Plan(String targetId, String policy, List<Entry> backups) {}

    /** The decision for one backup. */
    public record Entry(
            UUID backupId,
            String prefix,
            Tier tier,
            Instant completedAt,
            Outcome outcome,
            RetentionDecision.Action action,
            String reason) {

        static Entry of(RetentionDecision d) {
            return new Entry(
                    d.backup().backupId(),
                    d.backup().prefix(),
                    d.backup().tier(),
                    d.backup().completedAt(),
                    d.backup().outcome(),
                    d.action(),
                    d.reason());
        }
    }
}
