package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.ReportKeys;
import io.bulwark.scheduler.domain.Restore;
import java.util.UUID;

/**
 * Use case: reads the reports the verifier stored, for the API: a backup's {@code verification.json} and {@code
 * verification.html}, a restore's {@code restore.json}. The keys come from the projected events; a key is read only
 * when it lies inside its backup's own prefix ({@link ReportKeys}), so a forged event cannot make the scheduler serve
 * any other object of the bucket.
 */
public class ReadReports {

    private final ReportStore store;

    /** @param store the object store, or null when none is configured (every read then fails with 503) */
    public ReadReports(ReportStore store) {
        this.store = store;
    }

    /**
     * The backup's latest {@code verification.json}.
     *
     * @throws NoReportException when the backup has no report (yet), or it is not in the store
     * @throws ReportRefusedException when its key lies outside the backup's prefix
     * @throws ReportTooLargeException when the report is larger than the limit
     * @throws ReportStoreUnavailableException when no store is configured or it cannot be read
     */
    public byte[] verificationReport(Backup backup) {
        return read(
                backup.backupId(),
                backup.prefix(),
                backup.reportKey(),
                "backup " + backup.backupId() + " has no verification report yet");
    }

    /**
     * The backup's latest {@code verification.html}; the same errors as {@link #verificationReport}.
     *
     * @throws NoReportException when the backup has no report page (yet), or it is not in the store
     */
    public byte[] verificationPage(Backup backup) {
        return read(
                backup.backupId(),
                backup.prefix(),
                backup.reportPageKey(),
                "backup " + backup.backupId() + " has no verification report page yet");
    }

    /**
     * The restore's {@code restore.json}, which lies inside the restored backup's prefix; the same errors as {@link
     * #verificationReport}.
     *
     * @throws NoReportException when the restore has not ended, stored no report, or it is not in the store
     */
    public byte[] restoreReport(Restore restore) {
        String key = restore.result() == null ? null : restore.result().reportKey();
        return read(restore.backupId(), restore.prefix(), key, "restore " + restore.restoreId() + " has no report yet");
    }

    private byte[] read(UUID backupId, String prefix, String key, String missing) {
        if (store == null) {
            throw new ReportStoreUnavailableException("no object store configured (bulwark.storage.*)");
        }
        if (key == null || key.isBlank()) {
            throw new NoReportException(missing);
        }
        ReportKeys.refusal(prefix, backupId, key).ifPresent(why -> {
            throw new ReportRefusedException("refused to read the report: " + why);
        });
        return store.read(key).orElseThrow(() -> new NoReportException(missing + " (" + key + " is not stored)"));
    }
}
