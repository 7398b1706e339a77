package io.bulwark.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreOutcomeTest {

    private static final RestorePlan PLAN =
            new RestorePlan(List.of("public.album"), List.of(), List.of(), "; use list", List.of());

    @Test
    void aWholeRestoreSucceedsOnlyWhenTheToolReadTheWholeInput() {
        assertThat(outcome(0, null, true).succeeded()).isTrue();
        RestoreOutcome stoppedEarly = outcome(0, null, false);

        assertThat(stoppedEarly.succeeded()).isFalse();
        assertThat(stoppedEarly.failureDetail()).startsWith("pg_restore stopped reading the archive after 65536 bytes");
    }

    @Test
    void aPartialRestoreMayStopReadingOnceItHasWhatItRestores() {
        assertThat(outcome(0, null, false).withSelection(PLAN).succeeded()).isTrue();
        assertThat(outcome(0, null, true).withSelection(PLAN).succeeded()).isTrue();
    }

    @Test
    void aPartialRestoreStillFailsOnAnExitCodeAnInputErrorOrTheTimeout() {
        assertThat(outcome(1, null, false).withSelection(PLAN).succeeded()).isFalse();
        assertThat(outcome(0, "connection reset", false).withSelection(PLAN).succeeded())
                .isFalse();
        RestoreOutcome timedOut =
                new RestoreOutcome("pg_restore", "archive", 0, "", 10, true, 65536, null, false, PLAN);
        assertThat(timedOut.succeeded()).isFalse();
    }

    private static RestoreOutcome outcome(int exitCode, String inputError, boolean inputComplete) {
        return new RestoreOutcome("pg_restore", "archive", exitCode, "", 10, false, 65536, inputError, inputComplete);
    }
}
