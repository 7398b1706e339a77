package io.bulwark.pipeline;

import io.bulwark.artifacts.codec.DecryptionException;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.pipeline.rules.ArtifactRules;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The restore step of the pipeline: decodes an {@link OpenArtifact}, reads its head, plans a partial restore, lets
 * the caller prepare the destination, streams the archive into the engine's restore tool, then finishes the checksum.
 * It judges the artifact with three checks, in report order: {@code checksum}, {@code archive}, {@code restore}.
 *
 * <p>What is not the backup's fault is ERROR (not judged): an object store that breaks off, no decryption key
 * configured, a codec this build does not know, a restore tool that cannot run, no room to spool, a destination
 * that ran out of disk space while restoring ({@link RestoreOutcome#diskFull()}), a MySQL dump a MariaDB server cannot
 * restore. A checksum mismatch, an archive that does not decode with the configured keys, a
 * table of contents that cannot be read and a restore tool that fails are FAILED. Stateless and thread-safe.
 */
public final class RestoreStep {

    /** How the {@code restore} check's detail begins when the destination ran out of disk space. */
    public static final String DISK_FULL = "the destination ran out of disk space";

    /**
     * How the step runs.
     *
     * @param timeout how long the restore tool may run
     * @param listingTimeout how long reading the archive's head may take
     * @param selection what to restore, {@link RestoreSelection#EVERYTHING} for all
     * @param clean drop each restored object first (a restore over an existing database)
     * @param jobs parallel restore jobs, 1 to stream
     * @param spoolDir where a parallel restore spools the archive, null for the system's temporary folder
     * @param sourceDatabase the database the backup was dumped from (a MySQL/MariaDB dump names it), null when the
     *     destination database has the same name or it does not matter
     */
    public record Options(
            Duration timeout,
            Duration listingTimeout,
            RestoreSelection selection,
            boolean clean,
            int jobs,
            Path spoolDir,
            String sourceDatabase) {

        public Options {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(listingTimeout, "listingTimeout");
            selection = selection == null ? RestoreSelection.EVERYTHING : selection;
        }

        /** A whole, streamed restore. */
        public static Options whole(Duration timeout) {
            return new Options(timeout, Duration.ofMinutes(2), RestoreSelection.EVERYTHING, false, 1, null, null);
        }
    }

    /**
     * Runs between reading the head and restoring: prepares the destination (creates the database, checks that it
     * may be written) once the plan is known.
     */
    @FunctionalInterface
    public interface BeforeRestore {

        /** Nothing to prepare (a sandbox, made for the restore). */
        BeforeRestore NOTHING = plan -> {};

        /**
         * @param plan the partial restore's plan, null for a whole restore
         * @throws RestoreRefusedException when the restore must not be made; nothing is restored then
         */
        void prepare(RestorePlan plan);
    }

    /**
     * What the step did.
     *
     * @param checks {@code checksum}, {@code archive}, {@code restore}, in that order
     * @param outcome what the restore tool did; null when it never ran
     * @param plan the partial restore's plan (with what the tool actually restored, when the engine learns it while
     *     restoring), null for a whole restore
     * @param restoreMillis download, decoding and restore, in milliseconds: the measured restore time
     * @param restored true when the restore tool ran, so that the restored database can be compared
     * @param notWorthRetrying for an ERROR another attempt would end the same way, why; else null
     */
    public record Result(
            List<CheckResult> checks,
            RestoreOutcome outcome,
            RestorePlan plan,
            long restoreMillis,
            boolean restored,
            String notWorthRetrying) {}

    /**
     * Runs the step. The caller closes {@code artifact}.
     *
     * @param destination the database to restore into
     * @param sourceVersion the source server's version from the manifest, null when unknown
     * @param destinationVersion the destination server's version, null when unknown
     * @throws RestoreRefusedException from {@code before}, or when the selection names what the archive does not hold;
     *     nothing is restored then
     */
    public Result run(
            OpenArtifact artifact,
            RestoreEngine engine,
            ConnectionSpec destination,
            Options options,
            String sourceVersion,
            String destinationVersion,
            BeforeRestore before) {
        long started = System.nanoTime();
        Run run = new Run();
        DecodedArchive archive = null;
        try {
            archive = artifact.decode(engine, options.listingTimeout());
        } catch (IllegalArgumentException e) {
            run.decodeError(
                    Checks.error(
                            CheckNames.RESTORE, "the archive cannot be decoded by this build: " + e.getMessage(), 0),
                    null);
        } catch (DecryptionException e) {
            if (e.isNoKeyForRecipients()) {
                // the ring lacks every recipient's key (an old key not configured, or a retired one): trying again
                // with the same ring ends the same way, and the artifact itself may be fine, so no FAILED verdict
                run.decodeError(
                        Checks.error(
                                CheckNames.RESTORE,
                                "the archive could not be decoded: " + e.getMessage()
                                        + (artifact.keysConfigured()
                                                ? " (add a key of one of its recipients to the key ring:"
                                                        + " bulwark.verifier.decryption.secret-keys)"
                                                : " (no decryption key is configured for it:"
                                                        + " bulwark.verifier.decryption)"),
                                0),
                        artifact.keysConfigured()
                                ? e.getMessage()
                                : "no decryption key is configured for the artifact");
            } else if (artifact.keysConfigured()) {
                run.decodeError(
                        Checks.failed(CheckNames.RESTORE, "the archive could not be decoded: " + e.getMessage(), 0),
                        null);
            } else {
                run.decodeError(
                        Checks.error(
                                CheckNames.RESTORE,
                                "the archive could not be decoded: " + e.getMessage()
                                        + " (no decryption key is configured for it: bulwark.verifier.decryption)",
                                0),
                        "no decryption key is configured for the artifact");
            }
        } catch (IOException e) {
            run.decodeError(
                    Checks.failed(CheckNames.RESTORE, "the archive could not be decoded: " + e.getMessage(), 0), null);
        } catch (IllegalStateException e) {
            run.decodeError(
                    Checks.error(CheckNames.RESTORE, "the decryption passphrase cannot be read: " + e.getMessage(), 0),
                    null);
        } catch (RuntimeException e) {
            // the engine's listing tool could not run on the head (pg_restore missing): no verdict on the archive
            run.restore = Checks.error(CheckNames.RESTORE, "the restore tool could not run: " + e.getMessage(), 0);
        }
        if (archive != null) {
            run.archive = ArtifactRules.archive(
                    archive.archiveHead(), archive.wholeArchive(), archive.headLimit(), archive.headMillis());
            RestorePlan plan = plan(engine, archive, options);
            before.prepare(plan);
            run.plan = plan;
            try {
                run.outcome = engine.restore(
                        archive.stream(),
                        destination,
                        new RestoreOptions(
                                options.timeout(),
                                options.selection(),
                                plan,
                                options.clean(),
                                options.jobs(),
                                options.spoolDir(),
                                artifact.artifact().rawBytes(),
                                options.sourceDatabase()));
                if (run.outcome.selection() != null) {
                    run.plan = run.outcome.selection();
                }
            } catch (RuntimeException e) {
                run.restore = Checks.error(CheckNames.RESTORE, "the restore tool could not run: " + e.getMessage(), 0);
            }
        }
        String sha256 = null;
        try {
            sha256 = artifact.finishChecksum();
        } catch (IOException e) {
            // sourceFailure() says it below
        }
        long restoreMillis = (System.nanoTime() - started) / 1_000_000;
        return run.result(artifact, engine, sha256, restoreMillis, sourceVersion, destinationVersion);
    }

    private static RestorePlan plan(RestoreEngine engine, DecodedArchive archive, Options options) {
        if (options.selection().isEverything()) {
            return null;
        }
        try {
            return engine.plan(archive.head(), options.selection(), options.listingTimeout());
        } catch (IllegalArgumentException e) {
            throw new RestoreRefusedException(RestoreFailureReason.INVALID_REQUEST, e.getMessage());
        }
    }

    /**
     * True when a MySQL dump is restored into MariaDB: MariaDB is not MySQL, and a MySQL 8 dump may use what MariaDB
     * lacks ({@code utf8mb4_0900_*} collations, say), so a failed restore there says nothing certain of the backup.
     */
    static boolean mySqlIntoMariaDb(String sourceVersion, String destinationVersion) {
        return sourceVersion != null
                && destinationVersion != null
                && destinationVersion.contains("MariaDB")
                && !sourceVersion.contains("MariaDB")
                && sourceVersion.matches("\\d+\\.\\d+.*")
                && !destinationVersion.equals(sourceVersion);
    }

    /** What one run has found so far. */
    private static final class Run {
        CheckResult archive;
        CheckResult restore;
        RestoreOutcome outcome;
        RestorePlan plan;
        String notWorthRetrying;
        boolean decodeFailed;

        void decodeError(CheckResult check, String whyNotWorthRetrying) {
            restore = check;
            decodeFailed = true;
            notWorthRetrying = whyNotWorthRetrying;
        }

        Result result(
                OpenArtifact artifact,
                RestoreEngine engine,
                String sha256,
                long restoreMillis,
                String sourceVersion,
                String destinationVersion) {
            List<CheckResult> checks = new ArrayList<>();
            if (artifact.sourceFailure() != null) {
                checks.add(Checks.error(
                        CheckNames.CHECKSUM,
                        "reading " + artifact.artifact().key() + " from the object store failed after "
                                + artifact.storedBytesRead() + " bytes: "
                                + artifact.sourceFailure().getMessage(),
                        restoreMillis));
                checks.add(Checks.skipped(CheckNames.ARCHIVE, "the artifact could not be read to its end"));
                checks.add(Checks.skipped(CheckNames.RESTORE, "the artifact could not be read to its end"));
                return new Result(checks, outcome, plan, restoreMillis, false, null);
            }
            checks.add(ArtifactRules.checksum(
                    artifact.artifact().sha256(),
                    artifact.artifact().storedBytes(),
                    sha256,
                    artifact.storedBytesRead(),
                    restoreMillis));
            checks.add(
                    archive != null
                            ? archive
                            : Checks.skipped(
                                    CheckNames.ARCHIVE,
                                    decodeFailed
                                            ? "the archive could not be decoded"
                                            : "the restore tool could not run"));
            if (restore != null) {
                checks.add(restore);
                return new Result(checks, outcome, plan, restoreMillis, false, notWorthRetrying);
            }
            if (!outcome.succeeded() && mySqlIntoMariaDb(sourceVersion, destinationVersion)) {
                checks.add(Checks.error(
                        CheckNames.RESTORE,
                        outcome.failureDetail() + " (a MySQL " + sourceVersion + " dump restored into MariaDB "
                                + destinationVersion + ": not judged; verify it in a MySQL sandbox)",
                        outcome.elapsedMillis()));
                return new Result(
                        checks,
                        outcome,
                        plan,
                        restoreMillis,
                        true,
                        "a MySQL dump that a MariaDB server cannot restore");
            }
            if (outcome.diskFull()) {
                // the destination's disk, not the archive: no verdict, and another attempt may find room; what was
                // restored is a fragment, not to be compared
                checks.add(Checks.error(
                        CheckNames.RESTORE,
                        DISK_FULL + " (not the backup's fault): " + outcome.failureDetail(),
                        outcome.elapsedMillis()));
                return new Result(checks, outcome, plan, restoreMillis, false, null);
            }
            checks.add(ArtifactRules.restore(
                    engine.toolName(),
                    outcome.succeeded(),
                    outcome.succeeded() ? null : outcome.failureDetail(),
                    outcome.elapsedMillis()));
            return new Result(checks, outcome, plan, restoreMillis, true, null);
        }
    }
}
