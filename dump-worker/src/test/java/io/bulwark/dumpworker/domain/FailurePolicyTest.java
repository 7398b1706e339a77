package io.bulwark.dumpworker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.FailureReason;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    @Test
    void transientFailuresAreRetryable() {
        assertThat(FailurePolicy.isRetryable(FailureReason.CONNECTION_REFUSED)).isTrue();
        assertThat(FailurePolicy.isRetryable(FailureReason.STORAGE_UNAVAILABLE)).isTrue();
        assertThat(FailurePolicy.isRetryable(FailureReason.TIMEOUT)).isTrue();
        assertThat(FailurePolicy.isRetryable(FailureReason.DUMP_FAILED)).isTrue();
    }

    @Test
    void failuresThatNeedAPersonAreNotRetryable() {
        assertThat(FailurePolicy.isRetryable(FailureReason.AUTHENTICATION_FAILED))
                .isFalse();
        assertThat(FailurePolicy.isRetryable(FailureReason.DATABASE_MISSING)).isFalse();
        assertThat(FailurePolicy.isRetryable(FailureReason.PERMISSION_DENIED)).isFalse();
        assertThat(FailurePolicy.isRetryable(FailureReason.TOOL_MISSING)).isFalse();
        assertThat(FailurePolicy.isRetryable(FailureReason.TOOL_TOO_OLD)).isFalse();
        assertThat(FailurePolicy.isRetryable(FailureReason.UNKNOWN_TARGET)).isFalse();
        assertThat(FailurePolicy.isRetryable(FailureReason.INVALID_REQUEST)).isFalse();
    }

    @Test
    void longMessagesKeepTheirEndWhereToolsPutTheFatalLine() {
        String message = "x".repeat(5000) + "FATAL: the end";
        String trimmed = FailurePolicy.trimMessage(message, 100);
        assertThat(trimmed).hasSize(100).startsWith("...").endsWith("FATAL: the end");
        assertThat(FailurePolicy.trimMessage("  short \n", 100)).isEqualTo("short");
        assertThat(FailurePolicy.trimMessage(null, 100)).isEqualTo("no message");
    }
}
