package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Topics;
import io.bulwark.scheduler.application.ProjectBackupCopies;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code bulwark.backup.copy} (binding {@code backupCopy-in-0}, group {@code bulwark-scheduler}): keeps
 * each backup's copies for {@code GET /api/backups/{id}}. An {@link InvalidEventException} (malformed JSON, a missing
 * field) propagates, so the binder sends the record to {@code bulwark.backup.copy.dlq}.
 */
@Configuration(proxyBeanMethods = false)
public class CopyConsumers {

    /** Projects {@code bulwark.backup.copy}. */
    @Bean
    public Consumer<Message<byte[]>> backupCopy(ProjectBackupCopies projection) {
        return message -> {
            if (!(EventConsumers.decode(Topics.BACKUP_COPY, message) instanceof BackupCopyUpdated copy)) {
                throw new InvalidEventException(Topics.BACKUP_COPY + ": not a BackupCopyUpdated", null);
            }
            projection.project(copy);
        };
    }
}
