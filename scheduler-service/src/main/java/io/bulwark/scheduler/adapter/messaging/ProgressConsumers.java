package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Topics;
import io.bulwark.scheduler.application.ProjectBackupProgress;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code bulwark.backup.progress} (binding {@code onBackupProgressed-in-0}, group {@code
 * bulwark-scheduler}): keeps each dump's latest progress for {@code GET /api/activity}. An {@link
 * InvalidEventException} (malformed JSON, a missing field) propagates, so the binder sends the record to {@code
 * bulwark.backup.progress.dlq}.
 */
@Configuration(proxyBeanMethods = false)
public class ProgressConsumers {

    /** Projects {@code bulwark.backup.progress}. */
    @Bean
    public Consumer<Message<byte[]>> onBackupProgressed(ProjectBackupProgress projection) {
        return message -> {
            if (!(EventConsumers.decode(Topics.BACKUP_PROGRESS, message) instanceof BackupProgressed progress)) {
                throw new InvalidEventException(Topics.BACKUP_PROGRESS + ": not a BackupProgressed", null);
            }
            projection.project(progress);
        };
    }
}
