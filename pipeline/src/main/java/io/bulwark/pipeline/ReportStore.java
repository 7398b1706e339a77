package io.bulwark.pipeline;

import io.bulwark.artifacts.BoundedRead;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.ObjectTooLargeException;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report store, last stage of the pipeline: writes {@code verification.json} and {@code verification.html} into a
 * backup's prefix, {@code restore.json} and {@code restore.html} under its {@code restores/<restoreId>/}, and reads an
 * earlier verdict back. The JSON is the record; the page for people is best effort. Thread-safe.
 */
public final class ReportStore {

    /** The content type of the JSON reports. */
    public static final String JSON = "application/json";

    private static final Logger log = LoggerFactory.getLogger(ReportStore.class);

    /** The default largest report read, 16 MiB ({@code bulwark.limits.report-size}). */
    public static final long DEFAULT_MAX_REPORT_BYTES = 16L * 1024 * 1024;

    private final ObjectStore store;
    private final ReportPages pages;
    private final long maxReportBytes;

    /**
     * A store reading reports of at most {@link #DEFAULT_MAX_REPORT_BYTES}.
     *
     * @param store where the backups are
     * @param pages renders the pages, or null to store JSON only
     */
    public ReportStore(ObjectStore store, ReportPages pages) {
        this(store, pages, DEFAULT_MAX_REPORT_BYTES);
    }

    /**
     * @param store where the backups are
     * @param pages renders the pages, or null to store JSON only
     * @param maxReportBytes the largest {@code verification.json} or {@code restore.json} read, in bytes: a larger one
     *     is no report (logged)
     * @throws IllegalArgumentException when {@code maxReportBytes} is below 1
     */
    public ReportStore(ObjectStore store, ReportPages pages, long maxReportBytes) {
        this.store = Objects.requireNonNull(store, "store");
        this.pages = pages;
        if (maxReportBytes < 1) {
            throw new IllegalArgumentException("maxReportBytes must be at least 1 but was " + maxReportBytes);
        }
        this.maxReportBytes = maxReportBytes;
    }

    /**
     * The keys a report was stored under.
     *
     * @param reportKey the JSON report's key
     * @param pageKey the page's key, null when it could not be stored or no page is rendered
     */
    public record Stored(String reportKey, String pageKey) {}

    /**
     * Stores a verification report in the backup at {@code prefix}, replacing an earlier one.
     *
     * @throws ObjectStoreException when {@code verification.json} cannot be stored
     */
    public Stored storeVerification(String prefix, VerificationReport report) {
        String key = ObjectKeys.inPrefix(prefix, ObjectKeys.VERIFICATION_JSON);
        store.putBytes(key, EventJson.toPrettyString(report).getBytes(StandardCharsets.UTF_8), JSON);
        String pageKey = pages == null
                ? null
                : storePage(
                        ObjectKeys.inPrefix(prefix, ObjectKeys.VERIFICATION_HTML), () -> pages.verification(report));
        return new Stored(key, pageKey);
    }

    /**
     * Stores a proven-restore report under the backup at {@code prefix}.
     *
     * @throws ObjectStoreException when {@code restore.json} cannot be stored
     */
    public Stored storeRestore(String prefix, RestoreReport report) {
        String folder = ObjectKeys.restorePrefix(prefix, report.restoreId());
        String key = ObjectKeys.inPrefix(folder, ObjectKeys.RESTORE_JSON);
        store.putBytes(key, EventJson.toPrettyString(report).getBytes(StandardCharsets.UTF_8), JSON);
        String pageKey = pages == null
                ? null
                : storePage(ObjectKeys.inPrefix(folder, ObjectKeys.RESTORE_HTML), () -> pages.restore(report));
        return new Stored(key, pageKey);
    }

    /**
     * The stored report of restore {@code restoreId} of the backup at {@code prefix}, if there is one.
     *
     * @throws ObjectStoreException when the store cannot be read
     */
    public Optional<RestoreReport> restoreReport(String prefix, UUID restoreId) {
        String key = ObjectKeys.inPrefix(ObjectKeys.restorePrefix(prefix, restoreId), ObjectKeys.RESTORE_JSON);
        try {
            return Optional.of(EventJson.read(BoundedRead.read(store, key, maxReportBytes), RestoreReport.class));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (ObjectTooLargeException | InvalidEventException e) {
            log.warn("cannot read the restore report {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The earlier verdict of backup {@code backupId} stored at {@code prefix}: a PASSED or FAILED {@code
     * verification.json} of that backup. An earlier ERROR, a missing or unreadable report is no verdict, and so is a
     * report the store cannot give now (then the backup is verified anew).
     */
    public Optional<VerificationReport> earlierVerdict(String prefix, UUID backupId) {
        try {
            return verification(prefix)
                    .filter(r -> r.outcome() != null && r.outcome() != Outcome.ERROR && backupId.equals(r.backupId()));
        } catch (ObjectStoreException e) {
            log.warn("cannot read the earlier report at {}; verifying anew: {}", prefix, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The {@code verification.json} at {@code prefix}, if there is a readable one.
     *
     * @throws ObjectStoreException when the store cannot be read: a store that is down is not a backup without a
     *     verification (which would make a restore skip the newest VERIFIED backup, say)
     */
    public Optional<VerificationReport> verification(String prefix) {
        String key = ObjectKeys.inPrefix(prefix, ObjectKeys.VERIFICATION_JSON);
        try {
            return Optional.of(EventJson.read(BoundedRead.read(store, key, maxReportBytes), VerificationReport.class));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (ObjectTooLargeException | InvalidEventException e) {
            log.warn("cannot read the report {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    /** The key of the {@code verification.html} stored beside an earlier report, or null when there is none. */
    public String storedVerificationPage(String prefix) {
        if (pages == null) {
            return null;
        }
        String pageKey = ObjectKeys.inPrefix(prefix, ObjectKeys.VERIFICATION_HTML);
        try {
            return store.exists(pageKey) ? pageKey : null;
        } catch (RuntimeException e) {
            log.debug("cannot look for {}: {}", pageKey, e.getMessage());
            return null;
        }
    }

    private String storePage(String key, java.util.function.Supplier<byte[]> page) {
        try {
            store.putBytes(key, page.get(), ReportPages.CONTENT_TYPE);
            return key;
        } catch (RuntimeException e) {
            // the JSON is the record; the page for people is written again with the next report
            log.warn("cannot store {}: {}", key, e.getMessage());
            return null;
        }
    }
}
