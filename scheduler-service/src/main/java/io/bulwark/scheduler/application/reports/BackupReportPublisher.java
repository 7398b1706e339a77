package io.bulwark.scheduler.application.reports;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.scheduler.application.PublishFailedException;

/** Port: publishes a periodic backup report on {@code bulwark.report}. */
public interface BackupReportPublisher {

    /**
     * Publishes the report and returns once the broker took it.
     *
     * @param report the event, keyed by {@link io.bulwark.contracts.BulwarkEvent#ALL_TARGETS}
     * @throws PublishFailedException when the broker refused it or could not be reached
     */
    void publish(BackupReportIssued report);
}
