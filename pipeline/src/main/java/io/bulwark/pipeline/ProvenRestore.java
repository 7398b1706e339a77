package io.bulwark.pipeline;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.contracts.TableRows;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;
import io.bulwark.pipeline.rules.VerificationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proven restore: one backup restored into a real database through the same pipeline a verification runs (artifact
 * reader, restore step, check pipeline), then the restored database compared with the manifest for what was restored.
 * The outcome is SUCCEEDED only when the restore tool succeeded on an intact artifact and no check FAILED or could not
 * judge; otherwise FAILED with the reason, and a database the restore created is dropped again, so that no half
 * database is ever left looking restored. A replaced database is left as the failed restore left it (its old content
 * is gone either way); the report says so.
 *
 * <p>Used by the verifier-service (event-driven restores) and by the standalone {@code ./bulwark restore}. Never
 * throws for a refused or failed restore: the report says what happened. Thread-safe; one restore per call.
 */
public final class ProvenRestore {

    private static final Logger log = LoggerFactory.getLogger(ProvenRestore.class);

    private final ArtifactReader reader;
    private final RestoreStep step;
    private final CheckPipeline checks;
    private final DestinationPreparer preparer;
    private final Clock clock;

    public ProvenRestore(
            ArtifactReader reader, RestoreStep step, CheckPipeline checks, DestinationPreparer preparer, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.step = Objects.requireNonNull(step, "step");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.preparer = Objects.requireNonNull(preparer, "preparer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One restore to make.
     *
     * @param restoreId the restore's id
     * @param backup the backup to restore
     * @param destinationId the destination's name in reports: a configured destination's id, {@code target:<id>} or
     *     {@code url}
     * @param engine the destination engine's restore port
     * @param inspect the destination engine's inspect port
     * @param server how to reach the destination server (its maintenance database)
     * @param destination which database, replace and confirmation
     * @param options how the restore tool runs (selection, jobs, timeouts)
     * @param force restore even when the backup is not VERIFIED
     * @param target the target's own checks (critical tables, assertions, RTO)
     * @param requestedAt when it was asked for
     */
    public record Request(
            UUID restoreId,
            StoredBackup backup,
            String destinationId,
            RestoreEngine engine,
            InspectEngine inspect,
            ConnectionSpec server,
            DestinationPreparer.Request destination,
            RestoreStep.Options options,
            boolean force,
            VerificationSettings target,
            Instant requestedAt) {}

    /**
     * Hears what a running restore does, for progress events and the crash ledger. Methods must not throw, except
     * {@link #decided}, which may refuse the restore.
     */
    public interface Listener {

        /** Does nothing. */
        Listener NONE = new Listener() {};

        /** The restore entered {@code phase}. */
        default void phase(RestorePhase phase) {}

        /**
         * The destination was decided, before anything is written: a restore that {@linkplain
         * DestinationPreparer.Decision#createsNew() creates} its database must record it now, so that the database is
         * dropped if the process dies before the restore ends.
         *
         * @throws RestoreRefusedException to stop the restore before anything is written (the record could not be
         *     made)
         */
        default void decided(DestinationPreparer.Decision decision) {}

        /** The artifact is being read; its byte counts tell the progress. */
        default void reading(OpenArtifact artifact) {}
    }

    /**
     * What a restore did.
     *
     * @param report the proven-restore report
     * @param databaseDropped true when the database the restore had created was dropped again after a failure
     */
    public record Result(RestoreReport report, boolean databaseDropped) {}

    /** Runs the restore and its proof; never throws for a refused or failed restore. */
    public Result run(Request request, Listener listener) {
        Run run = new Run(request);
        listener.phase(RestorePhase.PREPARE);
        Manifest manifest = request.backup().manifest();
        try {
            if (!request.backup().verified() && !request.force()) {
                throw new RestoreRefusedException(
                        RestoreFailureReason.BACKUP_NOT_VERIFIED,
                        "backup " + manifest.backupId() + " is not VERIFIED (its verification "
                                + (request.backup().verificationOutcome() == null
                                        ? "never ran"
                                        : "ended " + request.backup().verificationOutcome())
                                + "); restore it only with force: true");
            }
            Manifest.Source source = manifest.source();
            try (DestinationPreparer.Decision decision = preparer.decide(
                    request.engine(),
                    request.server(),
                    request.destination(),
                    source == null
                            ? null
                            : new DestinationPreparer.Source(source.host(), source.port(), source.database()))) {
                run.decision = decision;
                listener.decided(decision);
                restore(run, listener);
            }
        } catch (RestoreRefusedException e) {
            run.fail(e.reason(), e.getMessage());
        }
        boolean dropped = run.failed()
                && run.decision != null
                && run.decisionPrepared
                && run.decision.createsNew()
                && drop(run.decision);
        RestoreReport report = run.report(clock.instant(), dropped);
        log.info(
                "restore {} of backup {} into {}: {}{}",
                request.restoreId(),
                manifest.backupId(),
                run.decision == null ? "(no destination)" : run.decision.database(),
                report.state(),
                report.reason() == null ? "" : " (" + report.reason() + ": " + report.message() + ")");
        return new Result(report, dropped);
    }

    private void restore(Run run, Listener listener) {
        Request request = run.request;
        Manifest manifest = request.backup().manifest();
        Manifest.Source source = manifest.source();
        run.destinationVersion = serverVersion(request);
        OpenArtifact artifact;
        try {
            artifact = reader.open(manifest.targetId(), request.backup().prefix(), manifest.artifact());
        } catch (UntrustedManifestException e) {
            throw new RestoreRefusedException(RestoreFailureReason.BACKUP_NOT_FOUND, e.getMessage());
        } catch (ObjectNotFoundException e) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.RESTORE_FAILED,
                    "the artifact " + manifest.artifact().key() + " named by the manifest is not in the store");
        } catch (ObjectStoreException e) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.STORAGE_UNAVAILABLE,
                    "could not read " + manifest.artifact().key() + " from the object store: " + e.getMessage());
        }
        run.prepareMillis = millisSince(run.started);
        listener.reading(artifact);
        listener.phase(request.options().jobs() > 1 ? RestorePhase.SPOOL : RestorePhase.RESTORE);
        RestoreStep.Result restored;
        try (artifact) {
            DestinationPreparer.Decision decision = run.decision;
            restored = step.run(
                    artifact,
                    request.engine(),
                    decision.destination(),
                    new RestoreStep.Options(
                            request.options().timeout(),
                            request.options().listingTimeout(),
                            request.options().selection(),
                            request.options().clean() || decision.clean(),
                            request.options().jobs(),
                            request.options().spoolDir(),
                            source == null ? null : source.database()),
                    manifest.source() == null ? null : manifest.source().serverVersion(),
                    run.destinationVersion,
                    plan -> {
                        decision.prepare();
                        run.decisionPrepared = true;
                    });
        }
        run.restoreMillis = restored.restoreMillis();
        run.checks.addAll(restored.checks());
        if (restored.plan() != null) {
            run.leftOutForeignKeys = restored.plan().leftOutForeignKeys();
        }
        if (!restored.restored()) {
            run.fail(reasonOf(restored.checks()), problems(restored.checks()));
            return;
        }
        listener.phase(RestorePhase.PROVE);
        try (Inspection inspection = new DatabaseInspection(
                request.inspect(),
                run.decision.destination(),
                manifest.source() == null ? null : manifest.source().database())) {
            CheckPipeline.Result proof = checks.run(
                    inspection,
                    manifest,
                    new CheckPipeline.Scope(
                            request.options().selection(),
                            restored.plan(),
                            false,
                            run.decision.exists() && run.decision.clean(),
                            request.target()),
                    restored.restoreMillis());
            run.checks.addAll(proof.checks());
            run.rows = proof.tables();
            run.checksMillis = proof.checksMillis();
        }
        if (!passed(restored.checks())) {
            run.fail(reasonOf(restored.checks()), problems(run.checks));
        } else if (!passed(run.checks)) {
            run.fail(RestoreFailureReason.PROOF_FAILED, problems(run.checks));
        }
    }

    /** True when no check FAILED or could not judge. */
    private static boolean passed(List<CheckResult> checks) {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR);
    }

    /** The failure code of a restore step that did not succeed: the store, the keys, or the archive. */
    private static RestoreFailureReason reasonOf(List<CheckResult> stepChecks) {
        for (CheckResult check : stepChecks) {
            if (check.status() == CheckStatus.ERROR && check.name().equals(CheckNames.CHECKSUM)) {
                return RestoreFailureReason.STORAGE_UNAVAILABLE;
            }
            if (check.status() == CheckStatus.ERROR
                    && check.name().equals(CheckNames.RESTORE)
                    && check.detail() != null
                    && check.detail().contains("decryption")) {
                return RestoreFailureReason.DECRYPTION_FAILED;
            }
        }
        return RestoreFailureReason.RESTORE_FAILED;
    }

    private static String problems(List<CheckResult> checks) {
        List<String> problems = checks.stream()
                .filter(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR)
                .map(c -> c.name() + ": "
                        + (c.detail() == null || c.detail().length() <= 300
                                ? c.detail()
                                : c.detail().substring(0, 300) + "..."))
                .toList();
        return problems.isEmpty() ? "the restore did not complete" : String.join("; ", problems);
    }

    private static String serverVersion(Request request) {
        try (Connection connection = request.inspect().connect(request.server())) {
            return request.inspect().serverVersion(connection);
        } catch (SQLException e) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.DESTINATION_UNREACHABLE,
                    "cannot reach " + request.server().host() + ":"
                            + request.server().port() + ": " + request.server().redact(e.getMessage()));
        }
    }

    private static boolean drop(DestinationPreparer.Decision decision) {
        try {
            decision.engine().dropDatabase(decision.server(), decision.database());
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("cannot drop database {} that a failed restore created: {}", decision.database(), e.getMessage());
            return false;
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** What one restore has found so far. */
    private static final class Run {
        final Request request;
        final long started = System.nanoTime();
        final List<CheckResult> checks = new ArrayList<>();
        List<TableRows> rows = List.of();
        List<String> leftOutForeignKeys = List.of();
        DestinationPreparer.Decision decision;
        boolean decisionPrepared;
        String destinationVersion;
        RestoreFailureReason reason;
        String message;
        long prepareMillis;
        long restoreMillis;
        long checksMillis;

        Run(Request request) {
            this.request = request;
        }

        void fail(RestoreFailureReason failure, String why) {
            if (reason == null) {
                reason = failure;
                message = why;
            }
        }

        boolean failed() {
            return reason != null;
        }

        RestoreReport report(Instant finishedAt, boolean dropped) {
            Manifest manifest = request.backup().manifest();
            RestoredDatabase destination = decision == null
                    ? null
                    : new RestoredDatabase(
                            request.destinationId(),
                            request.engine().engine(),
                            request.server().host(),
                            request.server().port(),
                            decision.database(),
                            decisionPrepared && decision.createsNew(),
                            decisionPrepared && decision.replace(),
                            destinationVersion);
            String summary = failed()
                    ? message
                            + (dropped ? " (the database " + decision.database() + " it had created was dropped)" : "")
                    : "restored "
                            + (request.options().selection().isEverything()
                                    ? "the whole backup"
                                    : rows.size() + " tables")
                            + " into " + decision.database() + " and proven equal to the manifest";
            long prepare = prepareMillis == 0 ? millisSince(started) : prepareMillis;
            return new RestoreReport(
                    RestoreReport.SCHEMA_VERSION,
                    request.restoreId(),
                    manifest.backupId(),
                    manifest.targetId(),
                    failed() ? RestoreState.FAILED : RestoreState.SUCCEEDED,
                    reason,
                    summary,
                    request.force() && !request.backup().verified(),
                    request.backup().verificationOutcome(),
                    destination,
                    request.options().selection().schemas(),
                    request.options().selection().tables(),
                    checks.isEmpty() && failed()
                            ? List.of(Checks.failed(RestoreRefusedException.checkOf(reason), message, prepare))
                            : checks,
                    rows,
                    leftOutForeignKeys,
                    new RestoreReport.Timings(prepare, restoreMillis, checksMillis, millisSince(started)),
                    manifest.artifact() == null ? null : manifest.artifact().key(),
                    request.backup().prefix() + io.bulwark.artifacts.ObjectKeys.MANIFEST,
                    request.requestedAt(),
                    finishedAt);
        }
    }
}
