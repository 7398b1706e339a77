package io.bulwark.notifier.adapter.channel;

import io.bulwark.notifier.application.NotificationChannel;
import io.bulwark.notifier.domain.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes each notification as one line of {@code key=value} pairs to the logger {@value #LOGGER},
 * at the level of its severity (INFO, WARN, ERROR). Never fails. Thread-safe.
 */
public class LogChannel implements NotificationChannel {

    /** The logger name, so that notifications can be routed or filtered in the logging setup. */
    public static final String LOGGER = "bulwark.notifications";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void deliver(Notification n) {
        Level level = switch (n.severity()) {
            case INFO -> Level.INFO;
            case WARNING -> Level.WARN;
            case ERROR -> Level.ERROR;
        };
        log.atLevel(level)
                .log(
                        "notification id={} severity={} kind={} target={} backup={} failedChecks={} report={}"
                                + " summary=\"{}\"",
                        n.notificationId(),
                        n.severity(),
                        n.kind(),
                        n.targetId(),
                        n.backupId(),
                        String.join(",", n.failedChecks()),
                        n.reportKey(),
                        n.summary().replace("\"", "'"));
    }
}
