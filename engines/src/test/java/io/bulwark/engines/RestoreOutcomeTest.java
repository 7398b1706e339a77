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

    @Test
    void aFailedRestoreWhoseErrorsSayTheDiskIsFullIsTheDestinationsFault() {
        for (String errors : List.of(
                "pg_restore: error: COPY failed for table \"t\": ERROR:  could not extend file \"base/1/2\":"
                        + " No space left on device",
                "ERROR:  53100: could not extend file",
                "ERROR 3 (HY000) at line 9: Error writing file './x/t.MAD' (Errcode: 28 \"No space left\")",
                "ERROR 1021 (HY000) at line 40: Disk full (./t.ibd); waiting for someone to free some space",
                "ERROR 1114 (HY000) at line 12: The table 't' is full")) {
            RestoreOutcome failed = outcome(1, null, true).withErrors(errors);
            assertThat(failed.diskFull()).as(errors).isTrue();
            assertThat(failed.failureDetail()).as(errors).endsWith(errors);
        }
        assertThat(outcome(1, null, true)
                        .withErrors("ERROR:  relation \"t\" already exists")
                        .diskFull())
                .isFalse();
        assertThat(outcome(1, null, true).withErrors("row 153100 of COPY").diskFull())
                .as("53100 inside a number")
                .isFalse();
        assertThat(outcome(0, null, true).withErrors("No space left on device").diskFull())
                .as("a restore that succeeded")
                .isFalse();
    }

    @Test
    void withErrorsAddsALineAndNothingForBlank() {
        RestoreOutcome base = outcome(1, null, true).withErrors("first");
        assertThat(base.withErrors("second").stderr()).isEqualTo("first\nsecond");
        assertThat(base.withErrors(" ")).isSameAs(base);
        assertThat(base.withErrors(null)).isSameAs(base);
    }

    private static RestoreOutcome outcome(int exitCode, String inputError, boolean inputComplete) {
        return new RestoreOutcome("pg_restore", "archive", exitCode, "", 10, false, 65536, inputError, inputComplete);
    }
}
