package io.bulwark.localstack.restore;

import io.bulwark.contracts.RestorePhase;
import io.bulwark.pipeline.OpenArtifact;
import io.bulwark.pipeline.ProvenRestore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a running standalone restore on standard error, from the byte counts of the artifact being read: on a
 * terminal a progress bar ({@code me.tongfei:progressbar}: stored MiB read of the artifact's size, rate, ETA, the
 * phase), otherwise one plain line per phase change and every {@code interval} ({@code restore: RESTORE 123.4 of
 * 456.7 MiB (27%), 45.6 MiB/s, ETA 7 s}), fit for a log. One per restore; {@link #close()} stops it.
 */
public final class RestoreProgressView implements ProvenRestore.Listener, AutoCloseable {

    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter out;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private volatile RestorePhase phase = RestorePhase.PREPARE;
    private volatile OpenArtifact artifact;
    private volatile long readingStarted;
    private ProgressBar bar;

    /**
     * @param out where to show it (standard error)
     * @param terminal true for a progress bar, false for log lines
     * @param interval how often to refresh: the bar's pace, or the time between two log lines
     */
    public RestoreProgressView(PrintWriter out, boolean terminal, Duration interval) {
        this.out = out;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "restore-progress");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, interval.toMillis());
        ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** True when standard output is an interactive terminal (not redirected to a file or a pipe). */
    public static boolean onTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void phase(RestorePhase next) {
        RestorePhase previous = phase;
        phase = next;
        if (terminal) {
            ticker.execute(() -> {
                if (next == RestorePhase.PROVE) {
                    finishBar();
                    out.println("restore: proving the restored database against the manifest (exact row counts) ...");
                } else if (bar != null) {
                    bar.setExtraMessage(" " + next.name());
                }
            });
        } else if (next != previous || next == RestorePhase.PREPARE) {
            out.println("restore: " + next + phaseNote(next));
        }
    }

    @Override
    public void reading(OpenArtifact open) {
        readingStarted = System.nanoTime();
        artifact = open;
        if (terminal) {
            ticker.execute(() -> bar = new ProgressBarBuilder()
                    .setTaskName("restore")
                    .setInitialMax(Math.max(1, open.storedSize()))
                    .setUnit("MiB", 1024 * 1024)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .build());
        }
    }

    private void tick() {
        OpenArtifact open = artifact;
        if (open == null) {
            return;
        }
        if (terminal) {
            if (bar != null) {
                bar.stepTo(Math.min(open.storedBytesRead(), bar.getMax()));
                bar.setExtraMessage(" " + phase.name());
            }
        } else if (phase != RestorePhase.PROVE) {
            out.println(logLine(
                    phase, open.storedBytesRead(), open.storedSize(), (System.nanoTime() - readingStarted) / 1e9));
        }
    }

    /**
     * One log line: {@code restore: <phase> <read> of <total> MiB (<percent>%), <rate> MiB/s, ETA <seconds> s}.
     *
     * @param read stored bytes read so far
     * @param total the artifact's stored size in bytes, 0 when unknown
     * @param seconds seconds since reading started
     */
    static String logLine(RestorePhase phase, long read, long total, double seconds) {
        double rate = seconds <= 0 ? 0 : read / MIB / seconds;
        StringBuilder s = new StringBuilder("restore: ").append(phase).append(' ');
        s.append(String.format(Locale.ROOT, "%.1f", read / MIB));
        if (total > 0) {
            s.append(String.format(
                    Locale.ROOT, " of %.1f MiB (%d%%)", total / MIB, (int) Math.min(100, read * 100 / total)));
        } else {
            s.append(" MiB");
        }
        s.append(String.format(Locale.ROOT, ", %.1f MiB/s", rate));
        if (total > read && rate > 0) {
            s.append(", ETA ").append(Math.round((total - read) / MIB / rate)).append(" s");
        }
        return s.toString();
    }

    private static String phaseNote(RestorePhase phase) {
        return switch (phase) {
            case PREPARE -> ": finding the destination database";
            case SPOOL -> ": decoding the artifact into a temporary file for a parallel restore";
            case RESTORE -> ": streaming the artifact into the restore tool";
            case PROVE -> ": comparing the restored database with the manifest (exact row counts)";
        };
    }

    private void finishBar() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
    }

    /** Stops the refreshes and closes the bar; waits up to a second for the last refresh. */
    @Override
    public void close() {
        if (terminal) {
            ticker.execute(this::finishBar);
        }
        ticker.shutdown();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
