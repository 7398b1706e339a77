package io.bulwark.verifier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetryingVerificationTest {

    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final Duration TINY = Duration.ofMillis(1);

    private final List<BackupVerified> published = new ArrayList<>();
    private final FakeVerification fake = new FakeVerification();

    @Test
    void errorTwiceThenPassedPublishesOnlyThePassedVerdict() {
        fake.results(Outcome.ERROR, Outcome.ERROR, Outcome.PASSED);

        BackupVerified verified = retrying(3).handle(completed(), true);

        assertThat(fake.calls).isEqualTo(3);
        assertThat(fake.agains).containsOnly(true);
        assertThat(verified.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(published).containsExactly(verified);
    }

    @Test
    void aFailedVerdictIsPublishedAtOnceNotRetried() {
        fake.results(Outcome.FAILED, Outcome.PASSED);

        BackupVerified verified = retrying(3).handle(completed(), false);

        assertThat(fake.calls).isEqualTo(1);
        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(published).containsExactly(verified);
    }

    @Test
    void anErrorOnEveryAttemptPublishesTheLastErrorNeverAFailure() {
        fake.results(Outcome.ERROR, Outcome.ERROR, Outcome.ERROR, Outcome.PASSED);

        BackupVerified verified = retrying(3).handle(completed(), false);

        assertThat(fake.calls).isEqualTo(3);
        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(published).singleElement().isSameAs(fake.returned.getLast());
    }

    @Test
    void oneAttemptIsNoRetry() {
        fake.results(Outcome.ERROR, Outcome.PASSED);

        assertThat(retrying(1).handle(completed(), false).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(fake.calls).isEqualTo(1);
    }

    @Test
    void anInvalidEventIsThrownAtOnceAndNothingIsPublished() {
        RetryingVerification retrying = new RetryingVerification(
                (event, again) -> {
                    fake.calls++;
                    throw new InvalidEventException("BackupCompleted: prefix is required", null);
                },
                published::add,
                3,
                TINY,
                TINY);

        assertThatThrownBy(() -> retrying.handle(completed(), false)).isInstanceOf(InvalidEventException.class);
        assertThat(fake.calls).isEqualTo(1);
        assertThat(published).isEmpty();
    }

    @Test
    void anErrorThatWouldEndTheSameWayAgainIsPublishedAtOnceAndOnlyOtherErrorsAreRetried() {
        fake.results(Outcome.ERROR, Outcome.ERROR, Outcome.PASSED);
        List<String> reasons = new ArrayList<>(List.of("none", "this verifier has no decryption key for the artifact"));
        RetryingVerification retrying = new RetryingVerification(
                (event, again) -> {
                    String reason = reasons.removeFirst();
                    return new VerifyBackup.Attempt(fake.handle(event, again), reason.equals("none") ? null : reason);
                },
                published::add,
                3,
                TINY,
                TINY);

        BackupVerified verified = retrying.handle(completed(), false);

        assertThat(fake.calls)
                .as("the first ERROR is retried, the second is not worth it")
                .isEqualTo(2);
        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(published).containsExactly(verified);
    }

    @Test
    void fewerThanOneAttemptIsRejected() {
        assertThatThrownBy(() -> new RetryingVerification(fake::attempt, published::add, 0, TINY, TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempts");
    }

    private RetryingVerification retrying(int attempts) {
        return new RetryingVerification(fake::attempt, published::add, attempts, TINY, Duration.ofMillis(4));
    }

    private static BackupCompleted completed() {
        return new BackupCompleted(
                UUID.randomUUID(),
                Instant.now(),
                1,
                BACKUP,
                BACKUP,
                "chinook",
                null,
                null,
                null,
                "p/",
                null,
                "p/manifest.json",
                null,
                null,
                null,
                0);
    }

    /** Returns the given outcomes in turn, each a new event. */
    private static final class FakeVerification implements Verification {

        final Deque<Outcome> outcomes = new ArrayDeque<>();
        final List<BackupVerified> returned = new ArrayList<>();
        final List<Boolean> agains = new ArrayList<>();
        int calls;

        void results(Outcome... outcomes) {
            this.outcomes.addAll(List.of(outcomes));
        }

        /** {@link #handle} as an attempt that says nothing of whether it is worth retrying. */
        VerifyBackup.Attempt attempt(BackupCompleted event, boolean again) {
            return new VerifyBackup.Attempt(handle(event, again), null);
        }

        @Override
        public BackupVerified handle(BackupCompleted event, boolean again) {
            calls++;
            agains.add(again);
            Outcome outcome = outcomes.removeFirst();
            CheckStatus sandbox = outcome == Outcome.ERROR ? CheckStatus.FAILED : CheckStatus.PASSED;
            BackupVerified verified = new BackupVerified(
                    UUID.randomUUID(),
                    Instant.now(),
                    1,
                    event.backupId(),
                    event.targetId(),
                    outcome,
                    List.of(new CheckResult("sandbox", sandbox, "attempt " + calls, 1)),
                    null,
                    "fake",
                    "p/verification.json",
                    event.prefix(),
                    null,
                    null);
            returned.add(verified);
            return verified;
        }
    }
}
