package io.bulwark.engines.postgres;

import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.engines.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;

/** TEMPORARY placeholder, replaced by the partial-restore planner in this change. */
final class PgArchiveSelection {

    private PgArchiveSelection() {}

    static RestorePlan plan(
            byte[] head, RestoreSelection selection, ProcessRunner runner, Path binDir, Duration timeout) {
        throw new IllegalArgumentException("partial restore is not available yet");
    }
}
