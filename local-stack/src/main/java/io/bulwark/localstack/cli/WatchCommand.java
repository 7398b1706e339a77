package io.bulwark.localstack.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark watch [--once]}: what runs now ({@code GET /api/activity}), redrawn every second until Ctrl-C: one
 * progress bar per running backup (QUEUED, DUMPING with bytes written of the previous backup's size, VERIFYING) and
 * per running restore. {@code --once} prints one frame and ends, for scripts and tests; {@code --json} prints the
 * API's answer instead.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Show running backups, verifications and restores as progress bars until Ctrl-C.")
public final class WatchCommand implements Callable<Integer> {

    private static final String CLEAR = "\033[H\033[2J";

    @Mixin
    ApiOptions api;

    @Option(names = "--once", description = "Print one frame and end.")
    boolean once;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "1s",
            converter = io.bulwark.localstack.DurationConverter.class,
            description = "Time between two redraws (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Override
    public Integer call() throws InterruptedException {
        ApiClient client = api.api();
        boolean redraw = !once && BackupFollower.onTerminal() && !api.json();
        while (true) {
            JsonNode activity = client.get("/api/activity");
            if (api.json()) {
                api.json(activity);
            } else {
                if (redraw) {
                    api.out().print(CLEAR);
                }
                frame(activity, api.width(), Instant.now()).forEach(api.out()::println);
                api.out().flush();
            }
            if (once) {
                return CliExit.OK;
            }
            Thread.sleep(Math.max(100, interval.toMillis()));
        }
    }

    /**
     * One frame: a header line, then one line per backup and restore, each with a bar as wide as {@code width}
     * allows.
     *
     * @param activity the answer of {@code GET /api/activity}
     * @param width the terminal's width
     * @param now the time shown in the header
     */
    static List<String> frame(JsonNode activity, int width, Instant now) {
        List<String> lines = new ArrayList<>();
        JsonNode backups = activity.path("backups");
        JsonNode restores = activity.path("restores");
        lines.add(Text.truncate(
                "bulwark watch  " + Text.instant(now.toString()) + "  " + backups.size() + " backup(s), "
                        + restores.size() + " restore(s) running  (Ctrl-C to stop)",
                width));
        if (backups.isEmpty() && restores.isEmpty()) {
            lines.add("nothing running");
            return lines;
        }
        for (JsonNode b : backups) {
            long written = Text.number(b, "bytesWritten");
            long expected = Text.number(b, "expectedBytes");
            String amount = Text.bytes(Math.max(0, written)) + (expected > 0 ? " of ~" + Text.bytes(expected) : "");
            lines.add(line(
                    "backup  " + Text.field(b, "targetId") + " " + shortId(Text.field(b, "backupId")),
                    Text.field(b, "phase"),
                    b.path("percent").isNumber() ? b.get("percent").asInt() : -1,
                    amount + "  " + Text.millisField(b, "elapsedMillis"),
                    width));
        }
        for (JsonNode r : restores) {
            JsonNode p = r.path("progress");
            String phase = r.hasNonNull("phase") ? r.get("phase").asString() : Text.field(r, "state");
            long total = Text.number(p, "bytesTotal");
            String amount = Text.bytes(Math.max(0, Text.number(p, "bytesRead")))
                    + (total > 0 ? " of " + Text.bytes(total) : "");
            String eta = p.path("etaSeconds").isNumber()
                    ? "  ETA " + Text.millis(p.get("etaSeconds").asLong() * 1000)
                    : "";
            lines.add(line(
                    "restore " + Text.field(r, "targetId") + " " + shortId(Text.field(r, "restoreId")),
                    phase,
                    p.path("percent").isNumber() ? p.get("percent").asInt() : -1,
                    amount + eta,
                    width));
        }
        return lines;
    }

    /** {@code what PHASE [#####.....]  42%  amount}; the bar fills what {@code width} leaves, at least 10 wide. */
    static String line(String what, String phase, int percent, String amount, int width) {
        String head = String.format(Locale.ROOT, "%-28s %-10s ", Text.truncate(what, 28), phase);
        String tail = (percent >= 0 ? String.format(Locale.ROOT, " %3d%%", percent) : "   ?%") + "  " + amount;
        int barWidth = Math.max(10, width - head.length() - tail.length() - 2);
        StringBuilder bar = new StringBuilder("[");
        if (percent >= 0) {
            int filled = (int) Math.round(barWidth * Math.min(100, percent) / 100.0);
            bar.append("#".repeat(filled)).append(".".repeat(barWidth - filled));
        } else {
            bar.append("~".repeat(barWidth));
        }
        bar.append(']');
        return Text.truncate(head + bar + tail, width);
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
