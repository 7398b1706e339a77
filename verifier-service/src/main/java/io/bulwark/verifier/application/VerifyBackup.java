package io.bulwark.verifier.application;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Ids;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.pipeline.ArtifactReader;
import io.bulwark.pipeline.CheckPipeline;
import io.bulwark.pipeline.Inspection;
import io.bulwark.pipeline.OpenArtifact;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.RestoreStep;
import io.bulwark.pipeline.TrustedManifests;
import io.bulwark.pipeline.UntrustedManifestException;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;
import io.bulwark.pipeline.rules.VerificationSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verification use case: for a {@link BackupCompleted}, runs the restore pipeline into a fresh sandbox, stores
 * {@code verification.json} (and {@code verification.html}) next to the artifact and publishes {@link BackupVerified}.
 *
 * <p>It orchestrates; the pipeline does the work. First the gates of a verification: {@code manifest} (it exists and
 * names an artifact and an inventory) and {@code sandbox} (one started, at least the source's major version). Then the
 * pipeline's {@link RestoreStep} ({@code checksum}, {@code archive}, {@code restore}) and, when the restore tool ran,
 * its {@link CheckPipeline} ({@code tables}, {@code row-counts}, {@code schema}, {@code large-objects}, {@code
 * foreign-keys}, {@code indexes}, {@code sequences}, {@code source-health} and the target's own checks); the checks
 * after a gate that failed are SKIPPED. The report goes through the {@link ReportStore}.
 *
 * <p>Outcome: PASSED when no check FAILED or could not judge (a WARNING does not fail it), FAILED when one FAILED,
 * ERROR when one could not judge (no sandbox, the object store down, no decryption key): no verdict on the backup.
 * The sandbox is always removed. Idempotent: when {@code verification.json} already holds a PASSED or FAILED verdict
 * for the backup, that verdict is published again (with the same event id) instead of verifying anew; an earlier
 * ERROR is verified again. Thread-safe; one verification per calling thread.
 */
public final class VerifyBackup {

    /** The checks a verification reports, in order, up to the target's own. */
    static final List<String> CHECK_ORDER = List.of(
            CheckNames.SANDBOX,
            CheckNames.CHECKSUM,
            CheckNames.ARCHIVE,
            CheckNames.RESTORE,
            CheckNames.TABLES,
            CheckNames.ROW_COUNTS,
            CheckNames.SCHEMA,
            CheckNames.LARGE_OBJECTS,
            CheckNames.FOREIGN_KEYS,
            CheckNames.INDEXES,
            CheckNames.SEQUENCES,
            CheckNames.SOURCE_HEALTH);

    private static final Logger log = LoggerFactory.getLogger(VerifyBackup.class);

    private final ArtifactReader reader;
    private final ReportStore reports;
    private final SandboxProvider sandboxes;
    private final VerificationPublisher publisher;
    private final Clock clock;
    private final Duration restoreTimeout;
    private final VerificationSettingsSource settings;
    private final ManifestGate manifestGate;
    private final RestoreStep step = new RestoreStep();
    private final CheckPipeline checks = new CheckPipeline();

    /**
     * A verification reading manifests with {@link TrustedManifests#lenient}.
     *
     * @param store where the manifests are
     * @param reader reads (and decrypts) the artifacts
     * @param reports stores the reports and reads earlier verdicts
     * @param sandboxes starts a sandbox per verification
     * @param publisher where the verdict goes
     * @param restoreTimeout how long one restore may run before it is killed (a FAILED restore then)
     * @param settings each target's verification settings: critical tables, assertions, rto
     */
    public VerifyBackup(
            ObjectStore store,
            ArtifactReader reader,
            ReportStore reports,
            SandboxProvider sandboxes,
            VerificationPublisher publisher,
            Clock clock,
            Duration restoreTimeout,
            VerificationSettingsSource settings) {
        this(
                TrustedManifests.lenient(Objects.requireNonNull(store, "store")),
                reader,
                reports,
                sandboxes,
                publisher,
                clock,
                restoreTimeout,
                settings);
    }

    /**
     * @param manifests reads the manifests, trusting only what keeps the rules
     * @param reader reads (and decrypts) the artifacts
     * @param reports stores the reports and reads earlier verdicts
     * @param sandboxes starts a sandbox per verification
     * @param publisher where the verdict goes
     * @param restoreTimeout how long one restore may run before it is killed (a FAILED restore then)
     * @param settings each target's verification settings: critical tables, assertions, rto
     */
    public VerifyBackup(
            TrustedManifests manifests,
            ArtifactReader reader,
            ReportStore reports,
            SandboxProvider sandboxes,
            VerificationPublisher publisher,
            Clock clock,
            Duration restoreTimeout,
            VerificationSettingsSource settings) {
        this.manifestGate = new ManifestGate(Objects.requireNonNull(manifests, "manifests"));
        this.reader = Objects.requireNonNull(reader, "reader");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.restoreTimeout = Objects.requireNonNull(restoreTimeout, "restoreTimeout");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Verifies the backup of {@code event} (or takes its earlier verdict) and publishes the result.
     *
     * @return the event published
     * @throws InvalidEventException when the event lacks a field a verification needs, naming it
     * @throws RuntimeException from the publisher when the result cannot be published
     */
    public BackupVerified handle(BackupCompleted event) {
        return attempt(event, false).verified();
    }

    /**
     * Verifies the backup of {@code event} and publishes the result; with {@code again}, verifies anew even when an
     * earlier verdict exists (an on-demand re-verification), replacing the stored report. Says whether verifying
     * again may give a verdict after an ERROR.
     *
     * @return the event published, and for an ERROR whether another attempt is worth making
     * @throws InvalidEventException when the event lacks a field a verification needs, naming it
     * @throws RuntimeException from the publisher when the result cannot be published
     */
    public Attempt attempt(BackupCompleted event, boolean again) {
        validate(event);
        Optional<VerificationReport> earlier =
                again ? Optional.empty() : reports.earlierVerdict(event.prefix(), event.backupId());
        Attempt attempt;
        if (earlier.isPresent()) {
            log.info(
                    "backup {} of {} was verified before ({}); publishing that verdict again",
                    event.backupId(),
                    event.targetId(),
                    earlier.get().outcome());
            attempt = new Attempt(
                    toEvent(
                            event,
                            earlier.get(),
                            ObjectKeys.inPrefix(event.prefix(), ObjectKeys.VERIFICATION_JSON),
                            reports.storedVerificationPage(event.prefix()),
                            null,
                            null),
                    null);
        } else {
            attempt = verifyAndRecord(event);
        }
        publisher.publish(attempt.verified());
        return attempt;
    }

    /**
     * One verification's result.
     *
     * @param verified the verdict
     * @param notWorthRetrying for an ERROR that another attempt would end the same way (the verifier's own
     *     configuration: no decryption key, a sandbox older than the source, a MySQL dump in a MariaDB sandbox), why;
     *     null otherwise
     */
    public record Attempt(BackupVerified verified, String notWorthRetrying) {

        /** True when the verdict is ERROR and another attempt may give one. */
        public boolean worthRetrying() {
            return verified.outcome() == Outcome.ERROR && notWorthRetrying == null;
        }
    }

    private static void validate(BackupCompleted event) {
        if (event == null) {
            throw new InvalidEventException("BackupCompleted: the event is empty", null);
        }
        require("backupId", event.backupId());
        require("targetId", event.targetId());
        require("prefix", event.prefix());
        require("manifestKey", event.manifestKey());
        if (!Ids.isSafe(event.targetId())) {
            throw new InvalidEventException(
                    "BackupCompleted: targetId must match " + Ids.SAFE_ID.pattern() + " but was '" + event.targetId()
                            + "'",
                    null);
        }
    }

    private static void require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidEventException("BackupCompleted: " + field + " is required", null);
        }
    }

    private Attempt verifyAndRecord(BackupCompleted event) {
        log.info("verifying backup {} of {} ({})", event.backupId(), event.targetId(), event.prefix());
        long started = System.nanoTime();
        VerificationRun run = new VerificationRun(sandboxes.kind());
        Manifest manifest = manifestGate.load(event, run);
        if (manifest != null) {
            verifyArtifact(event.prefix(), manifest, run);
        }
        run.totalMillis = millisSince(started);
        VerificationReport report = run.report(event, manifest, clock.instant());
        String reportKey = null;
        String pageKey = null;
        try {
            ReportStore.Stored stored = reports.storeVerification(event.prefix(), report);
            reportKey = stored.reportKey();
            pageKey = stored.pageKey();
        } catch (ObjectStoreException e) {
            log.warn("cannot store the report of {}: {}", event.backupId(), e.getMessage());
            run.checks.add(Checks.error(CheckNames.REPORT, "could not store the report: " + e.getMessage(), 0));
            report = run.report(event, manifest, report.verifiedAt());
        }
        log.info(
                "backup {} of {} verified: {} in {} ms (restore {} ms){}",
                event.backupId(),
                event.targetId(),
                report.outcome(),
                run.totalMillis,
                run.restoreMillis,
                report.outcome() == Outcome.PASSED ? "" : "; " + problems(report.checks()));
        List<String> recipients = manifest == null || manifest.artifact() == null
                ? null
                : manifest.artifact().recipients();
        return new Attempt(
                toEvent(event, report, reportKey, pageKey, run.notWorthRetrying, recipients), run.notWorthRetrying);
    }

    private void verifyArtifact(String prefix, Manifest manifest, VerificationRun run) {
        String engine = manifest.source() == null || manifest.source().engine() == null
                ? "postgresql"
                : manifest.source().engine();
        String database = manifest.source() == null ? null : manifest.source().database();
        long sandboxStarted = System.nanoTime();
        Sandbox sandbox;
        try {
            sandbox = sandboxes.start(new SandboxProvider.SandboxRequest(engine, database, run.sourceServerVersion));
        } catch (RuntimeException e) {
            run.sandboxMillis = millisSince(sandboxStarted);
            log.warn("no {} sandbox could be started: {}", sandboxes.kind(), e.getMessage());
            if (e instanceof SandboxException problem && problem.recurring()) {
                run.notWorthRetrying = "the sandbox cannot be started with this verifier's configuration";
            }
            run.skipFrom(
                    Checks.error(
                            CheckNames.SANDBOX,
                            "could not start a " + sandboxes.kind() + " sandbox: " + e.getMessage(),
                            run.sandboxMillis),
                    "no sandbox");
            return;
        }
        try (sandbox) {
            run.sandboxMillis = millisSince(sandboxStarted);
            run.sandboxServerVersion = sandbox.serverVersion();
            CheckResult sandboxCheck = SandboxVersions.check(
                    sandboxes.kind(), engine, run.sourceServerVersion, run.sandboxServerVersion, run.sandboxMillis);
            if (sandboxCheck.status() != CheckStatus.PASSED) {
                run.notWorthRetrying = "the sandbox is older than the source";
                run.skipFrom(sandboxCheck, "the sandbox is older than the source");
                return;
            }
            run.checks.add(sandboxCheck);
            restoreAndCheck(sandbox, prefix, manifest, run);
        }
    }

    /** The restore pipeline into the sandbox: restore step, then (when the tool ran) the check pipeline. */
    private void restoreAndCheck(Sandbox sandbox, String prefix, Manifest manifest, VerificationRun run) {
        ArtifactRef artifact = manifest.artifact();
        OpenArtifact open;
        try {
            open = reader.open(manifest.targetId(), prefix, artifact);
        } catch (UntrustedManifestException e) {
            run.skipFrom(Checks.failed(CheckNames.CHECKSUM, e.getMessage(), 0), "untrusted manifest");
            return;
        } catch (ObjectNotFoundException e) {
            run.skipFrom(
                    Checks.failed(
                            CheckNames.CHECKSUM,
                            "the artifact " + artifact.key() + " named by the manifest is not in the store",
                            0),
                    "the artifact is missing");
            return;
        } catch (ObjectStoreException e) {
            run.skipFrom(
                    Checks.error(
                            CheckNames.CHECKSUM,
                            "could not read " + artifact.key() + " from the object store: " + e.getMessage(),
                            0),
                    "the object store could not be read");
            return;
        }
        RestoreStep.Result restored;
        try (open) {
            restored = step.run(
                    open,
                    sandbox.restoreEngine(),
                    sandbox.database(),
                    RestoreStep.Options.whole(restoreTimeout),
                    run.sourceServerVersion,
                    run.sandboxServerVersion,
                    RestoreStep.BeforeRestore.NOTHING);
        }
        run.restoreMillis = restored.restoreMillis();
        run.checks.addAll(restored.checks());
        if (restored.notWorthRetrying() != null) {
            run.notWorthRetrying = restored.notWorthRetrying();
        }
        if (!restored.restored()) {
            run.skipRest(whyNothingRestored(restored.checks()));
            return;
        }
        VerificationSettings target = targetSettings(manifest.targetId());
        String sourceDatabase =
                manifest.source() == null ? null : manifest.source().database();
        try (Inspection inspection = sandbox.inspection(sourceDatabase)) {
            CheckPipeline.Result result =
                    checks.run(inspection, manifest, CheckPipeline.Scope.verification(target), run.restoreMillis);
            run.checks.addAll(result.checks());
            run.tables = result.tables();
            run.checksMillis = result.checksMillis();
        }
    }

    private static String whyNothingRestored(List<CheckResult> stepChecks) {
        CheckResult checksum = stepChecks.getFirst();
        if (checksum.status() == CheckStatus.ERROR) {
            return "the artifact could not be read to its end";
        }
        CheckResult restore = stepChecks.getLast();
        if (restore.detail() != null && restore.detail().startsWith(RestoreStep.DISK_FULL)) {
            return "the sandbox ran out of disk space";
        }
        return restore.detail() != null && restore.detail().startsWith("the restore tool could not run")
                ? "the restore tool could not run"
                : "nothing was restored, the archive could not be decoded";
    }

    private VerificationSettings targetSettings(String targetId) {
        try {
            return targetId == null ? VerificationSettings.NONE : settings.forTarget(targetId);
        } catch (RuntimeException e) {
            log.warn("cannot read the verification settings of {}: {}", targetId, e.getMessage());
            return VerificationSettings.NONE;
        }
    }

    /**
     * The event for {@code report}; its id is derived from the backup and the verification time, so publishing the
     * same report again yields the same event.
     *
     * @param artifactRecipients the fingerprints the manifest says the artifact is encrypted to; null when unknown (an
     *     old manifest, no manifest, or an earlier verdict published again without reading the manifest)
     */
    static BackupVerified toEvent(
            BackupCompleted event,
            VerificationReport report,
            String reportKey,
            String reportPageKey,
            String notWorthRetrying,
            List<String> artifactRecipients) {
        UUID eventId =
                UUID.nameUUIDFromBytes((Topics.BACKUP_VERIFIED + ":" + report.backupId() + ":" + report.verifiedAt())
                        .getBytes(StandardCharsets.UTF_8));
        return new BackupVerified(
                eventId,
                report.verifiedAt(),
                BackupVerified.SCHEMA_VERSION,
                report.backupId(),
                event.targetId(),
                report.outcome(),
                report.checks(),
                report.timings(),
                report.sandboxKind(),
                reportKey,
                event.prefix(),
                event.completedAt(),
                event.tier(),
                reportKey == null ? null : reportPageKey,
                report.outcome() == Outcome.ERROR ? notWorthRetrying == null : null,
                artifactRecipients);
    }

    private static String problems(List<CheckResult> checks) {
        return String.join(
                "; ",
                checks.stream()
                        .filter(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR)
                        .map(c -> c.name() + ": " + abbreviate(c.detail()))
                        .toList());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
