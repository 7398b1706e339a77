package io.bulwark.retention.adapter.storage;

import io.bulwark.artifacts.BoundedRead;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.ObjectTooLargeException;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.retention.application.StoredVerdicts;
import io.bulwark.retention.domain.VerdictAgreement.StoredVerdict;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code verification.json} from a backup's prefix, at most {@code bulwark.limits.report-size} bytes of it
 * ({@link BoundedRead}). Needs read access to {@code <prefix>verification.json} in the bucket. Thread-safe.
 */
public final class ObjectStoreVerdicts implements StoredVerdicts {

    private static final Logger log = LoggerFactory.getLogger(ObjectStoreVerdicts.class);

    private final ObjectStore store;
    private final long maxReportBytes;

    /**
     * @param store the bucket
     * @param maxReportBytes the largest report read, in bytes
     */
    public ObjectStoreVerdicts(ObjectStore store, long maxReportBytes) {
        this.store = Objects.requireNonNull(store, "store");
        this.maxReportBytes = maxReportBytes;
    }

    @Override
    public Optional<StoredVerdict> at(String prefix) {
        String key = ObjectKeys.verificationKey(prefix);
        try {
            VerificationReport report =
                    EventJson.read(BoundedRead.read(store, key, maxReportBytes), VerificationReport.class);
            return Optional.of(new StoredVerdict(report.backupId(), report.targetId(), report.outcome()));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (ObjectTooLargeException | InvalidEventException e) {
            log.warn("the report {} is no verdict: {}", key, e.getMessage());
            return Optional.empty();
        } catch (ObjectStoreException e) {
            throw new Unavailable("cannot read " + key + ": " + e.getMessage(), e);
        }
    }
}
