package io.bulwark.scheduler.domain;

import static io.bulwark.scheduler.domain.BackupState.COMPLETED;
import static io.bulwark.scheduler.domain.BackupState.DELETED;
import static io.bulwark.scheduler.domain.BackupState.FAILED;
import static io.bulwark.scheduler.domain.BackupState.REQUESTED;
import static io.bulwark.scheduler.domain.BackupState.VERIFICATION_ERROR;
import static io.bulwark.scheduler.domain.BackupState.VERIFICATION_FAILED;
import static io.bulwark.scheduler.domain.BackupState.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.Outcome;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BackupLifecycleTest {

    @Test
    void tableAllowsExactlyTheDocumentedTransitions() {
        assertThat(BackupLifecycle.allowedFrom(REQUESTED)).containsExactlyInAnyOrder(COMPLETED, FAILED);
        assertThat(BackupLifecycle.allowedFrom(FAILED)).containsExactly(COMPLETED);
        assertThat(BackupLifecycle.allowedFrom(COMPLETED))
                .containsExactlyInAnyOrder(VERIFIED, VERIFICATION_FAILED, VERIFICATION_ERROR, DELETED);
        for (BackupState verified : EnumSet.of(VERIFIED, VERIFICATION_FAILED, VERIFICATION_ERROR)) {
            assertThat(BackupLifecycle.allowedFrom(verified))
                    .as("from %s", verified)
                    .containsExactlyInAnyOrder(VERIFIED, VERIFICATION_FAILED, VERIFICATION_ERROR, DELETED);
        }
        assertThat(BackupLifecycle.allowedFrom(DELETED)).isEmpty();
    }

    @Test
    void deletedIsTheOnlyTerminalState() {
        assertThat(EnumSet.allOf(BackupState.class).stream().filter(BackupState::isTerminal))
                .containsExactly(DELETED);
    }

    @Test
    void failedBackupIsNeverRequestedAgain() {
        assertThat(BackupLifecycle.isAllowed(FAILED, REQUESTED)).isFalse();
        assertThat(BackupLifecycle.canAdvance(FAILED, REQUESTED)).isFalse();
    }

    @Test
    void noStateGoesBackwards() {
        assertThat(BackupLifecycle.canAdvance(COMPLETED, REQUESTED)).isFalse();
        assertThat(BackupLifecycle.canAdvance(COMPLETED, FAILED)).isFalse();
        assertThat(BackupLifecycle.canAdvance(VERIFIED, COMPLETED)).isFalse();
        for (BackupState any : BackupState.values()) {
            assertThat(BackupLifecycle.canAdvance(DELETED, any))
                    .as("DELETED -> %s", any)
                    .isFalse();
        }
    }

    @Test
    void missedStatesMayBeSkippedForwards() {
        assertThat(BackupLifecycle.isAllowed(REQUESTED, VERIFIED)).isFalse();
        assertThat(BackupLifecycle.canAdvance(REQUESTED, VERIFIED)).isTrue();
        assertThat(BackupLifecycle.canAdvance(REQUESTED, DELETED)).isTrue();
        assertThat(BackupLifecycle.canAdvance(FAILED, VERIFICATION_FAILED)).isTrue();
    }

    @Test
    void reVerificationMovesBetweenVerificationStates() {
        assertThat(BackupLifecycle.isAllowed(VERIFIED, VERIFICATION_FAILED)).isTrue();
        assertThat(BackupLifecycle.isAllowed(VERIFICATION_ERROR, VERIFIED)).isTrue();
    }

    @Test
    void outcomesMapToVerificationStates() {
        assertThat(BackupState.ofVerification(Outcome.PASSED)).isEqualTo(VERIFIED);
        assertThat(BackupState.ofVerification(Outcome.FAILED)).isEqualTo(VERIFICATION_FAILED);
        assertThat(BackupState.ofVerification(Outcome.ERROR)).isEqualTo(VERIFICATION_ERROR);
    }
}
