package io.bulwark.localstack.restore;

import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;

/**
 * The exit codes of {@code ./bulwark restore}: 0 only when the restore SUCCEEDED (restored and proven), 1 when the
 * restore or its proof FAILED, 2 for bad arguments or a refused request, 3 when the backup was not found, 4 when the
 * object store or the destination could not be reached.
 */
public final class RestoreExit {

    /** The restore SUCCEEDED: restored and proven equal to the manifest. */
    public static final int SUCCEEDED = 0;

    /** The restore FAILED: the archive, the decryption, the restore tool or the proof (RESTORE_FAILED and so on). */
    public static final int FAILED = 1;

    /**
     * Bad arguments, or a request that was refused before anything was written: INVALID_REQUEST,
     * DESTINATION_REFUSED, DESTINATION_BUSY, BACKUP_NOT_VERIFIED (add {@code --force}).
     */
    public static final int REFUSED = 2;

    /** No backup matches: BACKUP_NOT_FOUND. */
    public static final int NOT_FOUND = 3;

    /** The object store or the destination server could not be reached: STORAGE_UNAVAILABLE, DESTINATION_UNREACHABLE. */
    public static final int UNREACHABLE = 4;

    private RestoreExit() {}

    /** The exit code of a restore that ended with {@code report}. */
    public static int of(RestoreReport report) {
        return report.succeeded() ? SUCCEEDED : of(report.reason());
    }

    /** The exit code of a restore that failed for {@code reason}; {@link #FAILED} when it is null. */
    public static int of(RestoreFailureReason reason) {
        if (reason == null) {
            return FAILED;
        }
        return switch (reason) {
            case INVALID_REQUEST, DESTINATION_REFUSED, DESTINATION_BUSY, DESTINATION_UNKNOWN, BACKUP_NOT_VERIFIED ->
                REFUSED;
            case BACKUP_NOT_FOUND -> NOT_FOUND;
            case STORAGE_UNAVAILABLE, DESTINATION_UNREACHABLE -> UNREACHABLE;
            case DECRYPTION_FAILED, RESTORE_FAILED, PROOF_FAILED, INTERRUPTED -> FAILED;
        };
    }
}
