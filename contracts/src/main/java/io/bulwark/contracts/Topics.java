package io.bulwark.contracts;

import java.util.List;

/**
 * Kafka topic names. The topic name is also the logical event type on the wire ({@code ce_type}).
 * Every topic has a dead-letter topic named {@code <topic>.dlq}.
 */
public final class Topics {

    /** {@link BackupRequested}: the scheduler or any other system asks for a backup. */
    public static final String BACKUP_REQUESTED = "bulwark.backup.requested";
    /** {@link BackupProgressed}: a dump in progress. */
    public static final String BACKUP_PROGRESS = "bulwark.backup.progress";
    /** {@link BackupCompleted}: an artifact and its manifest are stored. */
    public static final String BACKUP_COMPLETED = "bulwark.backup.completed";
    /** {@link BackupFailed}: a backup could not be taken. */
    public static final String BACKUP_FAILED = "bulwark.backup.failed";
    /** {@link BackupVerified}: an artifact was restored into a sandbox and checked. */
    public static final String BACKUP_VERIFIED = "bulwark.backup.verified";
    /** {@link BackupDeleted}: every object of a backup was removed. */
    public static final String BACKUP_DELETED = "bulwark.backup.deleted";
    /** {@link VerificationRequested}: an existing backup is to be verified again. */
    public static final String VERIFICATION_REQUESTED = "bulwark.verification.requested";

    /** {@link RestoreRequested}: a backup is to be restored into a real database and proven. */
    public static final String RESTORE_REQUESTED = "bulwark.restore.requested";
    /** {@link RestoreProgressed}: a restore in progress. */
    public static final String RESTORE_PROGRESS = "bulwark.restore.progress";
    /** {@link RestoreCompleted}: a restore succeeded and was proven. */
    public static final String RESTORE_COMPLETED = "bulwark.restore.completed";
    /** {@link RestoreFailed}: a restore was refused, failed or could not be proven. */
    public static final String RESTORE_FAILED = "bulwark.restore.failed";

    /** {@link BackupCopyUpdated}: a backup's copy in a second object store was made, failed or removed. */
    public static final String BACKUP_COPY = "bulwark.backup.copy";
    /** {@link AlertChanged}: an alert opened, escalated or resolved. */
    public static final String ALERT = "bulwark.alert";
    /** {@link BackupReportIssued}: the periodic backup report. */
    public static final String REPORT = "bulwark.report";

    /** Suffix of the dead-letter topic of each topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /** All event topics, in pipeline order. */
    public static final List<String> ALL = List.of(
            BACKUP_REQUESTED,
            BACKUP_PROGRESS,
            BACKUP_COMPLETED,
            BACKUP_FAILED,
            BACKUP_VERIFIED,
            BACKUP_DELETED,
            VERIFICATION_REQUESTED,
            RESTORE_REQUESTED,
            RESTORE_PROGRESS,
            RESTORE_COMPLETED,
            RESTORE_FAILED,
            BACKUP_COPY,
            ALERT,
            REPORT);

    private Topics() {}

    /** Returns the dead-letter topic of {@code topic}, e.g. {@code bulwark.backup.requested.dlq}. */
    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
