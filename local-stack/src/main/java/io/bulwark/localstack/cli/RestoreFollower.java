package io.bulwark.localstack.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import tools.jackson.databind.JsonNode;

/**
 * Follows one restore until it SUCCEEDED or FAILED ({@code --wait}): polls {@code GET /api/restores/{id}} and shows
 * its phase and the stored bytes read, as a progress bar on a terminal or one line per phase change otherwise.
 */
final class RestoreFollower {

    private final ApiClient api;
    private final PrintWriter err;
    private final boolean terminal;
    private final Duration poll;

    RestoreFollower(ApiClient api, PrintWriter err, boolean terminal, Duration poll) {
        this.api = api;
        this.err = err;
        this.terminal = terminal;
        this.poll = poll;
    }

    /**
     * @return the last RestoreView, SUCCEEDED or FAILED
     * @throws CliException {@link CliExit#TIMEOUT} when {@code timeout} passed first
     */
    JsonNode follow(String restoreId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProgressBar bar = null;
        String shown = null;
        try {
            while (true) {
                JsonNode restore = api.get("/api/restores/" + restoreId);
                String state = Text.field(restore, "state");
                String phase = "RUNNING".equals(state) && restore.hasNonNull("phase")
                        ? restore.get("phase").asString()
                        : state;
                long read = Text.number(restore.path("progress"), "bytesRead");
                long total = Text.number(restore.path("progress"), "bytesTotal");
                if (terminal) {
                    if (bar == null) {
                        bar = new ProgressBarBuilder()
                                .setTaskName("restore")
                                .setInitialMax(total > 0 ? total : -1)
                                .setUnit("MiB", 1024 * 1024)
                                .showSpeed()
                                .setStyle(ProgressBarStyle.ASCII)
                                .setUpdateIntervalMillis(500)
                                .build();
                    }
                    if (total > 0 && bar.getMax() != total) {
                        bar.maxHint(total);
                    }
                    if (read >= 0) {
                        bar.stepTo(total > 0 ? Math.min(read, total) : read);
                    }
                    bar.setExtraMessage(" " + phase);
                } else if (!Objects.equals(shown, phase)) {
                    err.println("restore " + restoreId + ": " + phase);
                    err.flush();
                }
                shown = phase;
                if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                    return restore;
                }
                if (System.nanoTime() > deadline) {
                    throw new CliException(
                            CliExit.TIMEOUT,
                            0,
                            "restore " + restoreId + " did not end within " + Text.millis(timeout.toMillis())
                                    + " (last seen " + phase + ")");
                }
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CliException(CliExit.TIMEOUT, 0, "interrupted");
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
