package io.bulwark.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A copy store's retention: keep-last per target, keep-within, both, or neither. */
class CopyRetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    /** A copy of target {@code target}'s backup taken {@code daysAgo} days before NOW. */
    private static CatalogedBackup copy(String target, int daysAgo) {
        return new CatalogedBackup(
                UUID.nameUUIDFromBytes((target + daysAgo).getBytes()),
                target,
                target + "/2026/11/nightly_" + daysAgo + "/",
                null,
                NOW.minus(Duration.ofDays(daysAgo)),
                Outcome.PASSED);
    }

    private static List<String> deleted(List<RetentionDecision> decisions) {
        return decisions.stream()
                .filter(RetentionDecision::expires)
                .map(d -> d.backup().prefix())
                .sorted()
                .toList();
    }

    private static final List<CatalogedBackup> COPIES = List.of(
            copy("chinook", 1), copy("chinook", 5), copy("chinook", 10), copy("chinook", 40), copy("sakila", 50));

    @Test
    void withoutRulesEveryCopyStays() {
        List<RetentionDecision> decisions = CopyRetentionPolicy.KEEP_ALL.decide(COPIES, NOW);
        assertThat(decisions).hasSize(5).noneMatch(RetentionDecision::expires);
        assertThat(CopyRetentionPolicy.KEEP_ALL.name()).isEqualTo("keep all");
    }

    @Test
    void keepLastCountsPerTarget() {
        List<RetentionDecision> decisions = new CopyRetentionPolicy(2, null).decide(COPIES, NOW);
        assertThat(deleted(decisions)).containsExactly("chinook/2026/11/nightly_10/", "chinook/2026/11/nightly_40/");
        assertThat(decisions.stream().filter(RetentionDecision::expires))
                .allSatisfy(d -> assertThat(d.reason()).contains("not among the last 2"));
    }

    @Test
    void keepWithinKeepsRecentCopies() {
        List<RetentionDecision> decisions = new CopyRetentionPolicy(null, Duration.ofDays(30)).decide(COPIES, NOW);
        assertThat(deleted(decisions)).containsExactly("chinook/2026/11/nightly_40/", "sakila/2026/11/nightly_50/");
        assertThat(decisions.stream().filter(RetentionDecision::expires))
                .allSatisfy(d -> assertThat(d.reason()).isEqualTo("taken more than PT720H ago"));
    }

    @Test
    void aCopyGoesOnlyWhenEveryRuleLetsItGo() {
        CopyRetentionPolicy both = new CopyRetentionPolicy(1, Duration.ofDays(7));
        List<RetentionDecision> decisions = both.decide(COPIES, NOW);
        // chinook: 1 day (newest) and 5 days (within 7d) stay; sakila's only copy is its newest
        assertThat(deleted(decisions)).containsExactly("chinook/2026/11/nightly_10/", "chinook/2026/11/nightly_40/");
        assertThat(both.name()).isEqualTo("keep-last=1, keep-within=PT168H");
    }

    @Test
    void refusesRulesThatCannotHold() {
        assertThatThrownBy(() -> new CopyRetentionPolicy(0, null)).hasMessageContaining("keep-last");
        assertThatThrownBy(() -> new CopyRetentionPolicy(null, Duration.ZERO)).hasMessageContaining("keep-within");
    }
}
