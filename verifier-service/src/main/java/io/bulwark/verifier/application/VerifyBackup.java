package io.bulwark.verifier.application;

import static io.bulwark.verifier.domain.VerificationRules.failed;
import static io.bulwark.verifier.domain.VerificationRules.passed;
import static io.bulwark.verifier.domain.VerificationRules.skipped;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.codec.ArtifactDecoder;
import io.bulwark.artifacts.codec.DecryptionException;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Ids;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.verifier.domain.CheckNames;
import io.bulwark.verifier.domain.VerificationRules;
import io.bulwark.verifier.domain.VerificationSettings;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verification use case: for a {@link BackupCompleted}, restore the artifact into a fresh
 * sandbox, check it against its manifest, store {@code verification.json} next to the artifact and
 * publish {@link BackupVerified}.
 *
 * <p>Checks, in order: {@code manifest} (it exists and names an artifact), {@code sandbox} (one
 * started, at least the source's major version), {@code checksum} (SHA-256 of the stored bytes equals
 * the manifest's; the object is read to its end even when the restore stops early), {@code archive}
 * (the first {@value #ARCHIVE_HEAD_BYTES} bytes of the decoded archive, read ahead of the restore and
 * then restored from memory, hold a table of contents {@code pg_restore --list} reads, else the first
 * {@value #MAX_ARCHIVE_HEAD_BYTES}; or a mariadb-dump header; SKIPPED when the table of contents is larger
 * still, or the sandbox cannot list archives), {@code restore}
 * (the restore tool, {@code pg_restore} or {@code mariadb}, exits 0), {@code tables} (the restored
 * table set equals the manifest's), {@code row-counts} (each table's exact count equals the
 * manifest's), {@code schema} (every other object the manifest lists, view, materialized view,
 * sequence, function, index, constraint, trigger, policy, event and extension, is restored, and no
 * other but the sandbox's own extensions), {@code foreign-keys} (no child row references a missing
 * parent row; SKIPPED without foreign keys), {@code indexes} (PostgreSQL {@code amcheck}'s {@code
 * bt_index_check} on every btree index, MariaDB {@code CHECK TABLE} on every table; SKIPPED when
 * {@code amcheck} is not installed) and {@code sequences} (every sequence owned by a column, MariaDB's
 * AUTO_INCREMENT, would next hand out a value above the column's max; SKIPPED without one), then the
 * target's own ({@code bulwark.targets.<id>.verification}): {@code critical-tables} (each is restored
 * and holds rows; only when set), one {@code assertion:<name>} per assertion (its single-value query
 * answers the expected text) and {@code rto} (WARNING when download and restore took longer; SKIPPED
 * when not set). The checks after {@code restore} are skipped when
 * nothing reached the restore tool: an artifact that could not be decoded, a tool that could not run. The
 * artifact is streamed from the store through SHA-256 and the codec chain into the restore tool: no
 * temporary file.
 *
 * <p>Outcome: PASSED when no check failed (a WARNING does not fail it), FAILED when one failed, ERROR
 * when the sandbox could not be started or queried or the object store could not be read or written
 * (no verdict on the backup). The
 * sandbox is always removed. Idempotent: when {@code verification.json} already holds a PASSED or
 * FAILED verdict for the backup, that verdict is published again (with the same event id) instead of
 * verifying anew; an earlier ERROR is retried. Thread-safe; one verification per calling thread.
 */
public final class VerifyBackup {

    /** The content type of {@code verification.json}. */
    public static final String REPORT_CONTENT_TYPE = "application/json";

    /**
     * The most bytes of the decoded archive read ahead of the restore for the {@code archive} check, and
     * held in memory until the restore has read them: 4 MiB. A custom archive's table of contents is
     * its header plus one entry per object (its tag, its {@code CREATE} and {@code DROP} statements,
     * its dependencies): a few hundred bytes per table, index or constraint, so 4 MiB holds the
     * TOC of some ten thousand objects; a longer one is read again from a head of {@link
     * #MAX_ARCHIVE_HEAD_BYTES}.
     */
    static final int ARCHIVE_HEAD_BYTES = 4 * 1024 * 1024;

    /**
     * The longest head read ahead for the table of contents, in bytes (some forty thousand objects): held in memory
     * until the restore has read it, so it is bounded; a table of contents longer still (large objects have an
     * entry each) is SKIPPED.
     */
    static final int MAX_ARCHIVE_HEAD_BYTES = 16 * 1024 * 1024;

    private static final Duration LISTING_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(VerifyBackup.class);

    private final ObjectStore store;
    private final SandboxProvider sandboxes;
    private final VerificationPublisher publisher;
    private final Clock clock;
    private final Duration restoreTimeout;
    private final DecryptionKeyring keyring;
    private final ReportPage page;
    private final VerificationSettingsSource settings;

    /** A verifier that decrypts nothing (encrypted artifacts end ERROR). */
    public VerifyBackup(
            ObjectStore store,
            SandboxProvider sandboxes,
            VerificationPublisher publisher,
            Clock clock,
            Duration restoreTimeout) {
        this(store, sandboxes, publisher, clock, restoreTimeout, targetId -> DecryptionKeys.none());
    }

    /**
     * @param restoreTimeout how long one restore may run before it is killed (a FAILED restore then)
     * @param keyring the keys that open each target's encrypted artifacts
     */
    public VerifyBackup(
            ObjectStore store,
            SandboxProvider sandboxes,
            VerificationPublisher publisher,
            Clock clock,
            Duration restoreTimeout,
            DecryptionKeyring keyring) {
        this(store, sandboxes, publisher, clock, restoreTimeout, keyring, targetId -> VerificationSettings.NONE);
    }

    /**
     * @param restoreTimeout how long one restore may run before it is killed (a FAILED restore then)
     * @param keyring the keys that open each target's encrypted artifacts
     * @param settings each target's verification settings: critical tables, assertions, rto
     */
    public VerifyBackup(
            ObjectStore store,
            SandboxProvider sandboxes,
            VerificationPublisher publisher,
            Clock clock,
            Duration restoreTimeout,
            DecryptionKeyring keyring,
            VerificationSettingsSource settings) {
        this(store, sandboxes, publisher, clock, restoreTimeout, keyring, settings, null);
    }

    /**
     * @param restoreTimeout how long one restore may run before it is killed (a FAILED restore then)
     * @param keyring the keys that open each target's encrypted artifacts
     * @param settings each target's verification settings: critical tables, assertions, rto
     * @param page renders {@code verification.html} next to {@code verification.json}, or null for none
     */
    public VerifyBackup(
            ObjectStore store,
            SandboxProvider sandboxes,
            VerificationPublisher publisher,
            Clock clock,
            Duration restoreTimeout,
            DecryptionKeyring keyring,
            VerificationSettingsSource settings,
            ReportPage page) {
        this.page = page;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.store = Objects.requireNonNull(store, "store");
        this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.restoreTimeout = Objects.requireNonNull(restoreTimeout, "restoreTimeout");
    }

    /**
     * Verifies the backup of {@code event} (or takes its earlier verdict) and publishes the result.
     *
     * @return the event published
     * @throws InvalidEventException when the event lacks a field a verification needs, naming it
     * @throws RuntimeException from the publisher when the result cannot be published
     */
    public BackupVerified handle(BackupCompleted event) {
        return handle(event, false);
    }

    /**
     * Verifies the backup of {@code event} and publishes the result; with {@code again}, verifies anew even
     * when an earlier verdict exists (an on-demand re-verification), replacing the stored report.
     *
     * @return the event published
     * @throws InvalidEventException when the event lacks a field a verification needs, naming it
     * @throws RuntimeException from the publisher when the result cannot be published
     */
    public BackupVerified handle(BackupCompleted event, boolean again) {
        return attempt(event, again).verified();
    }

    /**
     * {@link #handle(BackupCompleted, boolean)}, also saying whether verifying again may give a verdict.
     *
     * @return the event published, and for an ERROR whether another attempt is worth making
     * @throws InvalidEventException when the event lacks a field a verification needs, naming it
     * @throws RuntimeException from the publisher when the result cannot be published
     */
    public Attempt attempt(BackupCompleted event, boolean again) {
        validate(event);
        String reportKey = ObjectKeys.inPrefix(event.prefix(), ObjectKeys.VERIFICATION_JSON);
        Optional<VerificationReport> earlier = again ? Optional.empty() : earlierVerdict(event, reportKey);
        Attempt attempt;
        if (earlier.isPresent()) {
            log.info(
                    "backup {} of {} was verified before ({}); publishing that verdict again",
                    event.backupId(),
                    event.targetId(),
                    earlier.get().outcome());
            attempt = new Attempt(toEvent(event, earlier.get(), reportKey, storedPageKey(event), null), null);
        } else {
            attempt = verifyAndRecord(event, reportKey);
        }
        publisher.publish(attempt.verified());
        return attempt;
    }

    /**
     * One verification's result.
     *
     * @param verified the verdict
     * @param notWorthRetrying for an ERROR that another attempt would end the same way (the verifier's own
     *     configuration: no decryption key, a sandbox older than the source, a MySQL dump in a MariaDB sandbox),
     *     why; null otherwise
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

    private Optional<VerificationReport> earlierVerdict(BackupCompleted event, String reportKey) {
        try (InputStream in = store.get(reportKey)) {
            VerificationReport report = EventJson.read(in.readAllBytes(), VerificationReport.class);
            if (report.outcome() != Outcome.ERROR
                    && report.outcome() != null
                    && event.backupId().equals(report.backupId())) {
                return Optional.of(report);
            }
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (ObjectStoreException | IOException | InvalidEventException e) {
            log.warn("cannot read the earlier report {}; verifying anew: {}", reportKey, e.getMessage());
        }
        return Optional.empty();
    }

    private Attempt verifyAndRecord(BackupCompleted event, String reportKey) {
        log.info("verifying backup {} of {} ({})", event.backupId(), event.targetId(), event.prefix());
        long started = System.nanoTime();
        Run run = new Run();
        Manifest manifest = loadManifest(event, run);
        if (manifest != null) {
            verifyArtifact(manifest, run);
        }
        run.totalMillis = millisSince(started);
        VerificationReport report = report(event, run, clock.instant(), manifest);
        String storedKey = reportKey;
        try {
            store.putBytes(
                    reportKey, EventJson.toPrettyString(report).getBytes(StandardCharsets.UTF_8), REPORT_CONTENT_TYPE);
        } catch (ObjectStoreException e) {
            log.warn("cannot store {}: {}", reportKey, e.getMessage());
            run.checks.add(failed(CheckNames.REPORT, "could not store " + reportKey + ": " + e.getMessage(), 0));
            run.unjudged.add(CheckNames.REPORT);
            report = report(event, run, report.verifiedAt(), manifest);
            storedKey = null;
        }
        String storedPageKey = null;
        if (storedKey != null && page != null) {
            String pageKey = ObjectKeys.inPrefix(event.prefix(), ObjectKeys.VERIFICATION_HTML);
            try {
                store.putBytes(pageKey, page.render(report), ReportPage.CONTENT_TYPE);
                storedPageKey = pageKey;
            } catch (RuntimeException e) {
                // verification.json is the record; the page for people is written again at the next verification
                log.warn("cannot store {}: {}", pageKey, e.getMessage());
            }
        }
        log.info(
                "backup {} of {} verified: {} in {} ms (restore {} ms){}",
                event.backupId(),
                event.targetId(),
                report.outcome(),
                run.totalMillis,
                run.restoreMillis,
                report.outcome() == Outcome.PASSED ? "" : "; " + problems(report.checks()));
        return new Attempt(
                toEvent(event, report, storedKey, storedPageKey, run.notWorthRetrying), run.notWorthRetrying);
    }

    private Manifest loadManifest(BackupCompleted event, Run run) {
        long started = System.nanoTime();
        try {
            Manifest manifest = ManifestJson.load(store, event.manifestKey());
            ArtifactRef artifact = manifest.artifact();
            if (artifact == null || artifact.key() == null || artifact.key().isBlank()) {
                run.checks.add(failed(
                        CheckNames.MANIFEST,
                        "manifest " + event.manifestKey() + " names no artifact",
                        millisSince(started)));
                skipRest(run, "the manifest names no artifact", CheckNames.CHECKSUM);
                return null;
            }
            if (manifest.inventory() == null) {
                run.checks.add(failed(
                        CheckNames.MANIFEST,
                        "manifest " + event.manifestKey() + " has no inventory to compare with",
                        millisSince(started)));
                skipRest(run, "the manifest has no inventory", CheckNames.CHECKSUM);
                return null;
            }
            run.sourceServerVersion =
                    manifest.source() == null ? null : manifest.source().serverVersion();
            run.checks.add(passed(
                    CheckNames.MANIFEST,
                    "manifest " + event.manifestKey() + " lists "
                            + manifest.inventory().tables().size() + " tables with "
                            + manifest.inventory().totalRows() + " rows",
                    millisSince(started)));
            return manifest;
        } catch (ObjectNotFoundException e) {
            run.checks.add(failed(
                    CheckNames.MANIFEST,
                    "no manifest at " + event.manifestKey() + ": without it the backup does not exist",
                    millisSince(started)));
            skipRest(run, "no manifest", CheckNames.CHECKSUM);
        } catch (InvalidEventException e) {
            run.checks.add(failed(
                    CheckNames.MANIFEST,
                    "manifest " + event.manifestKey() + " is unreadable: " + e.getMessage(),
                    millisSince(started)));
            skipRest(run, "the manifest is unreadable", CheckNames.CHECKSUM);
        } catch (ObjectStoreException | UncheckedIOException e) {
            run.unjudged.add(CheckNames.MANIFEST);
            run.checks.add(failed(
                    CheckNames.MANIFEST,
                    "could not read " + event.manifestKey() + " from the object store: " + e.getMessage(),
                    millisSince(started)));
            skipRest(run, "the object store could not be read", CheckNames.CHECKSUM);
        }
        return null;
    }

    private void verifyArtifact(Manifest manifest, Run run) {
        String engine = manifest.source() == null || manifest.source().engine() == null
                ? "postgresql"
                : manifest.source().engine();
        String database = manifest.source() == null ? null : manifest.source().database();
        String engineName = engine.equalsIgnoreCase("postgresql") ? "PostgreSQL" : "MariaDB";
        long sandboxStarted = System.nanoTime();
        Sandbox sandbox;
        try {
            sandbox = sandboxes.start(new SandboxProvider.SandboxRequest(engine, database, run.sourceServerVersion));
        } catch (RuntimeException e) {
            run.sandboxMillis = millisSince(sandboxStarted);
            run.unjudged.add(CheckNames.SANDBOX);
            if (e instanceof SandboxException sandboxProblem && sandboxProblem.recurring()) {
                run.notWorthRetrying = "the sandbox cannot be started with this verifier's configuration";
            }
            log.warn("no {} sandbox could be started: {}", sandboxes.kind(), e.getMessage());
            run.checks.add(failed(
                    CheckNames.SANDBOX,
                    "could not start a " + sandboxes.kind() + " sandbox: " + e.getMessage(),
                    run.sandboxMillis));
            skipRest(run, "no sandbox", CheckNames.CHECKSUM);
            return;
        }
        try (sandbox) {
            run.sandboxMillis = millisSince(sandboxStarted);
            run.sandboxServerVersion = sandbox.serverVersion();
            int sourceMajor = SandboxProvider.majorVersion(run.sourceServerVersion);
            int sandboxMajor = SandboxProvider.majorVersion(run.sandboxServerVersion);
            if (sourceMajor > sandboxMajor && sandboxMajor > 0) {
                run.unjudged.add(CheckNames.SANDBOX);
                run.checks.add(failed(
                        CheckNames.SANDBOX,
                        "the sandbox runs " + engineName + " " + run.sandboxServerVersion
                                + ", older than the source's " + run.sourceServerVersion + "; install the "
                                + engineName + " " + sourceMajor + " server binaries"
                                + (engineName.equals("PostgreSQL") ? " or point pg-bin-dir at them" : ""),
                        run.sandboxMillis));
                run.notWorthRetrying = "the sandbox is older than the source";
                skipRest(run, "the sandbox is older than the source", CheckNames.CHECKSUM);
                return;
            }
            run.checks.add(passed(
                    CheckNames.SANDBOX,
                    sandboxes.kind() + " " + engineName + " " + run.sandboxServerVersion + " started in "
                            + run.sandboxMillis
                            + " ms",
                    run.sandboxMillis));
            if (restoreArtifact(sandbox, engine, manifest.targetId(), manifest.artifact(), run)) {
                compareWithManifest(sandbox, manifest.inventory(), run);
                checkTargetSettings(sandbox, manifest.targetId(), run);
            }
        }
    }

    /** Streams the artifact into the sandbox; records checksum and restore; true when the checks may go on. */
    private boolean restoreArtifact(Sandbox sandbox, String engine, String targetId, ArtifactRef artifact, Run run) {
        long started = System.nanoTime();
        DigestingInputStream stored;
        try {
            stored = new DigestingInputStream(store.get(artifact.key()));
        } catch (ObjectNotFoundException e) {
            run.checks.add(failed(
                    CheckNames.CHECKSUM,
                    "the artifact " + artifact.key() + " named by the manifest is not in the store",
                    millisSince(started)));
            skipRest(run, "the artifact is missing", CheckNames.ARCHIVE);
            return false;
        } catch (ObjectStoreException e) {
            run.unjudged.add(CheckNames.CHECKSUM);
            run.checks.add(failed(
                    CheckNames.CHECKSUM,
                    "could not read " + artifact.key() + " from the object store: " + e.getMessage(),
                    millisSince(started)));
            skipRest(run, "the object store could not be read", CheckNames.ARCHIVE);
            return false;
        }
        Sandbox.RestoreResult restore = null;
        CheckResult archiveCheck = null;
        String decodeError = null;
        String toolError = null;
        boolean decodeUnjudged = false;
        try (stored) {
            InputStream decoded = null;
            DecryptionKeys keys = DecryptionKeys.none();
            try {
                keys = keyring.keysFor(targetId == null ? "" : targetId);
                // the decoder closes its input when it throws (keys that do not open the artifact), but the
                // checksum below still reads the artifact to its end; stored is closed by this try
                BufferedInputStream ahead = new BufferedInputStream(
                        ArtifactDecoder.decoding(new KeptOpen(stored), artifact.codecs(), keys), 64 * 1024);
                decoded = ahead;
                archiveCheck = checkArchiveHead(sandbox, engine, ahead);
                restore = sandbox.restore(decoded, restoreTimeout);
            } catch (IllegalArgumentException e) {
                decodeError = e.getMessage();
                decodeUnjudged = true;
            } catch (DecryptionException e) {
                decodeError = e.getMessage()
                        + (keys.isEmpty() ? " (this verifier has no decryption key: bulwark.verifier.decryption)" : "");
                decodeUnjudged = keys.isEmpty();
                if (decodeUnjudged) {
                    run.notWorthRetrying = "this verifier has no decryption key for the artifact";
                }
            } catch (IOException e) {
                decodeError = e.getMessage();
            } catch (IllegalStateException e) {
                toolError = "the decryption passphrase cannot be read: " + e.getMessage();
            } catch (RuntimeException e) {
                toolError = e.getMessage();
            }
            if (stored.sourceFailure() == null) {
                stored.drain();
            }
            if (decoded != null) {
                decoded.close();
            }
        } catch (IOException e) {
            if (stored.sourceFailure() == null) {
                log.debug("closing the artifact stream of {} failed: {}", artifact.key(), e.toString());
            }
        }
        run.restoreMillis = millisSince(started);
        if (stored.sourceFailure() != null) {
            run.unjudged.add(CheckNames.CHECKSUM);
            run.checks.add(failed(
                    CheckNames.CHECKSUM,
                    "reading " + artifact.key() + " from the object store failed after " + stored.bytes() + " bytes: "
                            + stored.sourceFailure().getMessage(),
                    run.restoreMillis));
            skipRest(run, "the artifact could not be read to its end", CheckNames.ARCHIVE);
            return false;
        }
        run.checks.add(VerificationRules.checksum(
                artifact.sha256(), artifact.storedBytes(), stored.sha256(), stored.bytes(), run.restoreMillis));
        run.checks.add(
                archiveCheck != null
                        ? archiveCheck
                        : skipped(
                                CheckNames.ARCHIVE,
                                toolError != null
                                        ? "the restore tool could not run"
                                        : "the archive could not be decoded"));
        if (toolError != null) {
            run.unjudged.add(CheckNames.RESTORE);
            run.checks.add(failed(CheckNames.RESTORE, "the restore tool could not run: " + toolError, 0));
            skipRest(run, "the restore tool could not run", CheckNames.TABLES);
            return false;
        }
        if (decodeError != null) {
            if (decodeUnjudged) {
                run.unjudged.add(CheckNames.RESTORE);
            }
            run.checks.add(failed(CheckNames.RESTORE, "the archive could not be decoded: " + decodeError, 0));
            skipRest(run, "nothing was restored, the archive could not be decoded", CheckNames.TABLES);
            return false;
        }
        if (!restore.succeeded() && isMySqlIntoMariaDb(run)) {
            // MariaDB is not MySQL: a MySQL 8 dump may use what MariaDB lacks (utf8mb4_0900_* collations, say),
            // so a failed restore there says nothing certain about the backup
            run.unjudged.add(CheckNames.RESTORE);
            run.notWorthRetrying = "a MySQL dump that a MariaDB sandbox cannot restore";
            run.checks.add(failed(
                    CheckNames.RESTORE,
                    restore.failureDetail() + " (a MySQL " + run.sourceServerVersion + " dump restored into a MariaDB "
                            + run.sandboxServerVersion + " sandbox: not judged; verify it in a MySQL sandbox)",
                    restore.elapsedMillis()));
        } else {
            run.checks.add(VerificationRules.restore(
                    restore.tool(), restore.succeeded(), restore.failureDetail(), restore.elapsedMillis()));
        }
        return true;
    }

    /**
     * The {@code archive} check: reads up to {@link #ARCHIVE_HEAD_BYTES} of the decoded archive, has
     * them listed (PostgreSQL) or looks for a dump header (MariaDB), and rewinds {@code decoded} to its
     * start for the restore.
     *
     * @throws IOException when the archive cannot be decoded
     */
    private static CheckResult checkArchiveHead(Sandbox sandbox, String engine, BufferedInputStream decoded)
            throws IOException {
        long started = System.nanoTime();
        boolean postgres = engine.equalsIgnoreCase("postgresql");
        int limit = postgres ? ARCHIVE_HEAD_BYTES : 4096;
        decoded.mark((postgres ? MAX_ARCHIVE_HEAD_BYTES : limit) + 1);
        while (true) {
            byte[] head = decoded.readNBytes(limit + 1);
            decoded.reset();
            boolean wholeArchive = head.length <= limit;
            if (!wholeArchive) {
                head = java.util.Arrays.copyOf(head, limit);
            }
            if (!postgres) {
                return VerificationRules.dumpHeader(new String(head, StandardCharsets.UTF_8), millisSince(started));
            }
            Sandbox.ArchiveListing listing;
            try {
                listing = sandbox.listArchive(head, LISTING_TIMEOUT);
            } catch (RuntimeException e) {
                return skipped(CheckNames.ARCHIVE, "the archive could not be listed: " + e.getMessage());
            }
            if (listing == null) {
                return skipped(CheckNames.ARCHIVE, "this sandbox has no tool to list archives with");
            }
            if (listing.error() != null && listing.endOfInput() && !wholeArchive && limit < MAX_ARCHIVE_HEAD_BYTES) {
                limit = MAX_ARCHIVE_HEAD_BYTES;
                continue;
            }
            return VerificationRules.archiveListing(
                    listing.tool(),
                    listing.entries(),
                    listing.error(),
                    listing.endOfInput(),
                    wholeArchive,
                    limit,
                    millisSince(started));
        }
    }

    private void compareWithManifest(Sandbox sandbox, SchemaInventory source, Run run) {
        long started = System.nanoTime();
        SchemaInventory restored;
        try {
            restored = sandbox.inventory();
        } catch (RuntimeException e) {
            run.checksMillis = millisSince(started);
            run.unjudged.add(CheckNames.TABLES);
            run.checks.add(failed(
                    CheckNames.TABLES, "could not read the restored database: " + e.getMessage(), run.checksMillis));
            run.checks.add(skipped(CheckNames.ROW_COUNTS, "the restored database could not be read"));
            run.checks.add(skipped(CheckNames.SCHEMA, "the restored database could not be read"));
            run.checks.add(skipped(CheckNames.FOREIGN_KEYS, "the restored database could not be read"));
            run.checks.add(skipped(CheckNames.INDEXES, "the restored database could not be read"));
            run.checks.add(skipped(CheckNames.SEQUENCES, "the restored database could not be read"));
            run.tables = VerificationRules.tableRows(source, null);
            return;
        }
        run.restored = restored;
        long inventoryMillis = millisSince(started);
        long compareStarted = System.nanoTime();
        run.checks.add(VerificationRules.tables(source, restored, millisSince(compareStarted)));
        run.checks.add(VerificationRules.rowCounts(source, restored, inventoryMillis));
        compareStarted = System.nanoTime();
        run.checks.add(VerificationRules.schema(source, restored, millisSince(compareStarted)));
        run.tables = VerificationRules.tableRows(source, restored);
        checkForeignKeys(sandbox, run);
        checkIndexes(sandbox, run);
        checkSequences(sandbox, run);
        run.checksMillis = millisSince(started);
    }

    private static void checkForeignKeys(Sandbox sandbox, Run run) {
        queryCheck(
                CheckNames.FOREIGN_KEYS,
                run,
                elapsed -> VerificationRules.foreignKeys(sandbox.foreignKeyOrphans(), elapsed.getAsLong()));
    }

    private static void checkIndexes(Sandbox sandbox, Run run) {
        queryCheck(
                CheckNames.INDEXES,
                run,
                elapsed -> VerificationRules.indexes(sandbox.checkIndexes(), elapsed.getAsLong()));
    }

    private static void checkSequences(Sandbox sandbox, Run run) {
        queryCheck(
                CheckNames.SEQUENCES,
                run,
                elapsed -> VerificationRules.sequences(sandbox.sequences(), elapsed.getAsLong()));
    }

    /**
     * Runs a check that queries the restored database: {@code check} queries, then judges with the milliseconds
     * since the start; a sandbox that cannot be queried makes the check FAILED and unjudged.
     */
    private static void queryCheck(
            String name, Run run, java.util.function.Function<java.util.function.LongSupplier, CheckResult> check) {
        long started = System.nanoTime();
        try {
            run.checks.add(check.apply(() -> millisSince(started)));
        } catch (RuntimeException e) {
            run.unjudged.add(name);
            run.checks.add(
                    failed(name, "could not query the restored database: " + e.getMessage(), millisSince(started)));
        }
    }

    /** The target's own checks: critical tables, assertions, rto. */
    private void checkTargetSettings(Sandbox sandbox, String targetId, Run run) {
        VerificationSettings target;
        try {
            target = targetId == null ? VerificationSettings.NONE : settings.forTarget(targetId);
        } catch (RuntimeException e) {
            log.warn("cannot read the verification settings of {}: {}", targetId, e.getMessage());
            target = VerificationSettings.NONE;
        }
        if (!target.criticalTables().isEmpty()) {
            if (run.restored == null) {
                run.checks.add(skipped(CheckNames.CRITICAL_TABLES, "the restored database could not be read"));
            } else {
                run.checks.add(VerificationRules.criticalTables(target.criticalTables(), run.restored, 0));
            }
        }
        for (VerificationSettings.Assertion assertion : target.assertions()) {
            String name = CheckNames.ASSERTION_PREFIX + assertion.name();
            long started = System.nanoTime();
            try {
                Sandbox.QueryResult answer = sandbox.query(assertion.sql());
                run.checks.add(VerificationRules.assertion(
                        assertion.name(), assertion.expect(), answer.value(), answer.error(), millisSince(started)));
            } catch (RuntimeException e) {
                run.unjudged.add(name);
                run.checks.add(
                        failed(name, "could not query the restored database: " + e.getMessage(), millisSince(started)));
            }
        }
        run.checks.add(VerificationRules.rto(target.rto(), run.restoreMillis));
    }

    /** Adds a SKIPPED entry for {@code from} and every check after it. */
    private static void skipRest(Run run, String reason, String from) {
        List<String> order = List.of(
                CheckNames.SANDBOX,
                CheckNames.CHECKSUM,
                CheckNames.ARCHIVE,
                CheckNames.RESTORE,
                CheckNames.TABLES,
                CheckNames.ROW_COUNTS,
                CheckNames.SCHEMA,
                CheckNames.FOREIGN_KEYS,
                CheckNames.INDEXES,
                CheckNames.SEQUENCES);
        for (String name : order.subList(order.indexOf(from), order.size())) {
            run.checks.add(skipped(name, reason));
        }
    }

    private VerificationReport report(BackupCompleted event, Run run, Instant verifiedAt, Manifest manifest) {
        String artifactKey = manifest != null && manifest.artifact() != null
                ? manifest.artifact().key()
                : event.artifact() == null ? null : event.artifact().key();
        return new VerificationReport(
                VerificationReport.SCHEMA_VERSION,
                event.backupId(),
                event.targetId(),
                VerificationRules.outcome(run.checks, run.unjudged),
                run.checks,
                run.tables,
                new VerificationReport.Timings(run.sandboxMillis, run.restoreMillis, run.checksMillis, run.totalMillis),
                sandboxes.kind(),
                artifactKey,
                event.manifestKey(),
                run.sourceServerVersion,
                run.sandboxServerVersion,
                verifiedAt);
    }

    /**
     * The event for {@code report}; its id is derived from the backup and the verification time, so
     * publishing the same report again yields the same event.
     */
    static BackupVerified toEvent(
            BackupCompleted event,
            VerificationReport report,
            String reportKey,
            String reportPageKey,
            String notWorthRetrying) {
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
                reportPageKey,
                report.outcome() == Outcome.ERROR ? notWorthRetrying == null : null);
    }

    /** The key of the verification page stored beside an earlier report, or null when there is none. */
    private String storedPageKey(BackupCompleted event) {
        if (page == null) {
            return null;
        }
        String pageKey = ObjectKeys.inPrefix(event.prefix(), ObjectKeys.VERIFICATION_HTML);
        try {
            return store.exists(pageKey) ? pageKey : null;
        } catch (RuntimeException e) {
            log.debug("cannot look for {}: {}", pageKey, e.getMessage());
            return null;
        }
    }

    private static String problems(List<CheckResult> checks) {
        return String.join(
                "; ",
                checks.stream()
                        .filter(c -> c.status() == CheckStatus.FAILED)
                        .map(c -> c.name() + ": " + abbreviate(c.detail()))
                        .toList());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static boolean isMySqlIntoMariaDb(Run run) {
        return run.sourceServerVersion != null
                && run.sandboxServerVersion != null
                && run.sandboxServerVersion.contains("MariaDB")
                && !run.sourceServerVersion.contains("MariaDB")
                && run.sourceServerVersion.matches("\\d+\\.\\d+.*")
                && !run.sandboxServerVersion.equals(run.sourceServerVersion);
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** {@code in}, except that closing it leaves {@code in} open. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the owner of in closes it
        }
    }

    /** What one verification has found so far. */
    private static final class Run {
        final List<CheckResult> checks = new ArrayList<>();
        List<TableRows> tables = List.of();
        SchemaInventory restored;
        final Set<String> unjudged = new HashSet<>();
        /** Why an ERROR would end the same way again, or null. */
        String notWorthRetrying;

        String sourceServerVersion;
        String sandboxServerVersion;
        long sandboxMillis;
        long restoreMillis;
        long checksMillis;
        long totalMillis;
    }
}
