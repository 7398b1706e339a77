package io.bulwark.localstack.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import tools.jackson.databind.JsonNode;

/**
 * Follows one backup until it ends ({@code --wait}): polls {@code GET /api/backups/{id}} and {@code GET
 * /api/activity} every {@code poll} and shows the phase QUEUED → DUMPING (bytes written, of the previous backup's
 * size when known) → VERIFYING → the final state: on a terminal as a progress bar on standard error, otherwise one
 * line per phase change. Without {@code /api/activity} (an older scheduler) the phase comes from the backup's state
 * alone.
 */
final class BackupFollower {

    /** The states after which nothing more happens to a backup. */
    static final Set<String> FINAL =
            Set.of("VERIFIED", "VERIFICATION_FAILED", "VERIFICATION_ERROR", "FAILED", "DELETED");

    private final ApiClient api;
    private final PrintWriter err;
    private final boolean terminal;
    private final Duration poll;
    private boolean activityMissing;

    /**
     * @param api the scheduler's API
     * @param err where the progress goes
     * @param terminal true for a progress bar, false for lines
     * @param poll the time between two polls
     */
    BackupFollower(ApiClient api, PrintWriter err, boolean terminal, Duration poll) {
        this.api = api;
        this.err = err;
        this.terminal = terminal;
        this.poll = poll;
    }

    /** True when standard output and error go to an interactive terminal. */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    /**
     * Polls until {@code done} accepts the backup.
     *
     * @param backupId the backup
     * @param timeout how long to wait
     * @param done told each BackupView and whether the activity still lists the backup; true ends the wait
     * @return the last BackupView
     * @throws CliException {@link CliExit#TIMEOUT} when the timeout passed first; any failure of the API
     */
    JsonNode follow(String backupId, Duration timeout, Done done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String shown = null;
        ProgressBar bar = null;
        try {
            while (true) {
                JsonNode activity = activityOf(backupId);
                JsonNode backup = api.get("/api/backups/" + backupId);
                String phase = phaseOf(backup, activity);
                long written = Text.number(activity, "bytesWritten");
                long expected = Text.number(activity, "expectedBytes");
                if (terminal) {
                    if (bar == null) {
                        bar = new ProgressBarBuilder()
                                .setTaskName("backup")
                                .setInitialMax(expected > 0 ? expected : -1)
                                .setUnit("MiB", 1024 * 1024)
                                .showSpeed()
                                .setStyle(ProgressBarStyle.ASCII)
                                .setUpdateIntervalMillis(500)
                                .build();
                    }
                    if (expected > 0 && bar.getMax() != expected) {
                        bar.maxHint(expected);
                    }
                    if (written >= 0) {
                        bar.stepTo(expected > 0 ? Math.min(written, expected) : written);
                    }
                    bar.setExtraMessage(" " + phase);
                } else if (!Objects.equals(shown, phase)) {
                    err.println("backup " + backupId + ": " + phase
                            + (written > 0 ? " (" + Text.bytes(written) + " written)" : ""));
                    err.flush();
                }
                shown = phase;
                if (done.test(backup, activity != null)) {
                    if (bar != null && bar.getMax() > 0) {
                        bar.stepTo(bar.getMax());
                    }
                    return backup;
                }
                if (System.nanoTime() > deadline) {
                    throw new CliException(
                            CliExit.TIMEOUT,
                            0,
                            "backup " + backupId + " did not end within " + Text.millis(timeout.toMillis())
                                    + " (last seen " + phase + ")");
                }
                sleep();
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** What {@link #follow} waits for. */
    @FunctionalInterface
    interface Done {
        /**
         * @param backup the latest BackupView
         * @param active true while {@code /api/activity} lists the backup
         */
        boolean test(JsonNode backup, boolean active);
    }

    /** The backup's own entry of {@code /api/activity}, or null when it is not listed (or there is no such API). */
    JsonNode activityOf(String backupId) {
        if (activityMissing) {
            return null;
        }
        try {
            JsonNode activity = api.get("/api/activity");
            if (activity == null) {
                return null;
            }
            for (JsonNode b : activity.path("backups")) {
                if (backupId.equals(b.path("backupId").asString())) {
                    return b;
                }
            }
            return null;
        } catch (CliException e) {
            if (e.status() == 404) {
                activityMissing = true;
                return null;
            }
            throw e;
        }
    }

    /** The phase shown: the final state, else the activity's phase, else VERIFYING for COMPLETED, else QUEUED. */
    static String phaseOf(JsonNode backup, JsonNode activity) {
        String state = Text.field(backup, "state");
        if (FINAL.contains(state)) {
            return state;
        }
        if (activity != null && activity.hasNonNull("phase")) {
            return activity.get("phase").asString();
        }
        return "COMPLETED".equals(state) ? "VERIFYING" : "QUEUED";
    }

    /** True when a backup's state is one of {@link #FINAL}. */
    static boolean isFinal(JsonNode backup) {
        return FINAL.contains(Text.field(backup, "state"));
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliExit.TIMEOUT, 0, "interrupted");
        }
    }

    /** {@code Predicate} form for callers that only look at the backup. */
    static Done onBackup(Predicate<JsonNode> done) {
        return (backup, active) -> done.test(backup);
    }
}
