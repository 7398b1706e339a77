package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.EventJson;
import io.bulwark.scheduler.application.PublishFailedException;
import io.bulwark.scheduler.application.reports.BackupReportPublisher;
import io.bulwark.service.messaging.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes periodic backup reports through the {@value #BINDING} output binding (destination {@code
 * bulwark.report}, a synchronous producer): the record key is {@code _all}, the value the {@link EventJson} bytes,
 * with the CloudEvents {@code ce_*} headers (source {@value StreamBackupRequestPublisher#SOURCE}).
 */
@Component
public class StreamBackupReportPublisher implements BackupReportPublisher {

    /** The output binding's name. */
    public static final String BINDING = "backupReport-out-0";

    private final EventPublisher publisher;

    public StreamBackupReportPublisher(StreamBridge bridge) {
        this.publisher = new EventPublisher(bridge, StreamBackupRequestPublisher.SOURCE);
    }

    /**
     * {@inheritDoc}
     *
     * @throws PublishFailedException when the binder threw or did not take the record
     */
    @Override
    public void publish(BackupReportIssued report) {
        boolean sent;
        try {
            sent = publisher.send(BINDING, report);
        } catch (RuntimeException e) {
            throw new PublishFailedException(
                    "could not publish backup report " + report.reportId() + ": " + e.getMessage(), e);
        }
        if (!sent) {
            throw new PublishFailedException("the broker did not take backup report " + report.reportId(), null);
        }
    }
}
