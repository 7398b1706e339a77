package io.bulwark.localstack.restore;

import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.pipeline.ArtifactReader;
import io.bulwark.pipeline.CheckPipeline;
import io.bulwark.pipeline.DestinationPreparer;
import io.bulwark.pipeline.ProvenRestore;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.RestoreRefusedException;
import io.bulwark.pipeline.RestoreStep;
import io.bulwark.pipeline.StoredBackup;
import io.bulwark.pipeline.StoredBackups;
import io.bulwark.pipeline.TrustedManifests;
import io.bulwark.pipeline.rules.VerificationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The restore pipeline wired in-process, without Spring, Kafka or any Bulwark service: the object store, the
 * decryption keys given, the PostgreSQL and MySQL/MariaDB restore and inspect engines, and the pipeline's {@link
 * ProvenRestore}, the very path the verifier-service takes for a restore. Used by {@code ./bulwark restore} and
 * {@code ./bulwark bench restore}. Thread-safe: one restore per call.
 *
 * <p>What the verifier has and a standalone restore does not: the target's own checks (critical tables, assertions,
 * RTO: the configuration is gone with the services) and the restore ledger that drops a half-restored database after
 * a crash. Reports are stored as {@code restore.json} only (the HTML page is rendered by the verifier-service).
 */
public final class StandaloneRestore {

    /** How long reading an archive's head (its table of contents) may take, as in the verifier. */
    public static final Duration LISTING_TIMEOUT = Duration.ofMinutes(2);

    /** Where Debian and Ubuntu install the PostgreSQL programs, one folder per major version. */
    static final Path DEBIAN_POSTGRES = Path.of("/usr/lib/postgresql");

    private final ObjectStore store;
    private final ReportStore reports;
    private final BackupLocator locator;
    private final ProvenRestore proven;
    private final RestoreEngine pgRestore;
    private final RestoreEngine mariadbRestore;
    private final InspectEngine pgInspect = new PostgresInspector();
    private final InspectEngine mariadbInspect = new MariaDbInspector();
    private final Clock clock;

    /**
     * Where and how to restore.
     *
     * @param server the destination server from {@code --to}
     * @param password its password, null for password-less authentication
     */
    public record Destination(DestinationUrl server, String password) {
        @Override
        public String toString() {
            return server + (password == null ? "" : " (password set)");
        }
    }

    /**
     * What to restore and how.
     *
     * @param database the database to restore into, null for a new {@code <source db>_restored_<UTC>}
     * @param replace restore into a non-empty database (or the source's own), with {@code confirm}
     * @param confirm the database's name repeated
     * @param selection the schemas and tables, {@link RestoreSelection#EVERYTHING} for the whole backup
     * @param jobs parallel restore jobs (PostgreSQL; the archive is spooled to a file first), 1 to stream
     * @param force restore a backup that is not VERIFIED
     * @param timeout how long the restore tool may run
     * @param spoolDir where a parallel restore spools the archive, null for the system's temporary folder
     */
    public record Options(
            String database,
            boolean replace,
            String confirm,
            RestoreSelection selection,
            int jobs,
            boolean force,
            Duration timeout,
            Path spoolDir) {

        /** @throws IllegalArgumentException when {@code jobs} is below 1 */
        public Options {
            selection = selection == null ? RestoreSelection.EVERYTHING : selection;
            Objects.requireNonNull(timeout, "timeout");
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be 1 or more but was " + jobs);
            }
        }
    }

    /**
     * @param store the bucket holding the backups
     * @param keys the keys that open encrypted artifacts ({@link DecryptionKeys#none()} for plain ones)
     * @param pgBinDir the folder of {@code pg_restore}, or null for the one on the PATH
     * @param clock names new databases and stamps the reports
     */
    public StandaloneRestore(ObjectStore store, DecryptionKeys keys, Path pgBinDir, Clock clock) {
        this(store, keys, pgBinDir, clock, null);
    }

    /**
     * A restore that trusts a manifest only when it keeps {@link TrustedManifests}' rules: within its prefix, of
     * bounded size and, with {@code manifestKeys}, signed by one of them (else the backup is not found, saying why).
     *
     * @param store the bucket holding the backups
     * @param keys the keys that open encrypted artifacts ({@link DecryptionKeys#none()} for plain ones)
     * @param pgBinDir the folder of {@code pg_restore}, or null for the one on the PATH
     * @param clock names new databases and stamps the reports
     * @param manifestKeys the manifest signing keys ({@code --manifest-key}), or null to take unsigned manifests
     */
    public StandaloneRestore(
            ObjectStore store, DecryptionKeys keys, Path pgBinDir, Clock clock, ManifestSigningKeys manifestKeys) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keys, "keys");
        this.reports = new ReportStore(store, null);
        this.locator = new BackupLocator(
                store,
                new StoredBackups(
                        store,
                        reports,
                        new TrustedManifests(
                                store,
                                TrustedManifests.DEFAULT_MAX_MANIFEST_BYTES,
                                TrustedManifests.EncryptionPolicy.NONE,
                                manifestKeys)));
        ProcessRunner runner = new ProcessRunner();
        this.pgRestore = new PgRestoreTool(runner, pgBinDir);
        this.mariadbRestore = new MariaDbRestoreTool(runner);
        this.proven = new ProvenRestore(
                new ArtifactReader(store, targetId -> keys),
                new RestoreStep(),
                new CheckPipeline(),
                new DestinationPreparer(clock),
                clock);
    }

    /** Finds backups in the store. */
    public BackupLocator backups() {
        return locator;
    }

    /**
     * Restores {@code backup} into {@code destination} and proves it; never throws for a failed or refused restore
     * once it started (the report says what happened).
     *
     * @throws RestoreRefusedException INVALID_REQUEST when the destination is another engine than the backup's source
     */
    public ProvenRestore.Result restore(
            StoredBackup backup, Destination destination, Options options, ProvenRestore.Listener listener) {
        DestinationUrl server = destination.server();
        String sourceEngine = sourceEngine(backup);
        boolean postgresBackup = sourceEngine.equals("postgresql");
        if (postgresBackup != server.postgres()) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.INVALID_REQUEST,
                    "backup " + backup.manifest().backupId() + " is of a " + sourceEngine + " database, but --to is a "
                            + server.engine() + " server");
        }
        ProvenRestore.Request request = new ProvenRestore.Request(
                UUID.randomUUID(),
                backup,
                "url",
                server.postgres() ? pgRestore : mariadbRestore,
                server.postgres() ? pgInspect : mariadbInspect,
                new ConnectionSpec(
                        server.host(),
                        server.port(),
                        server.maintenanceDatabase(),
                        server.username(),
                        destination.password()),
                new DestinationPreparer.Request(
                        options.database(),
                        options.replace(),
                        options.confirm(),
                        !options.selection().isEverything()),
                new RestoreStep.Options(
                        options.timeout(),
                        LISTING_TIMEOUT,
                        options.selection(),
                        false,
                        options.jobs(),
                        options.spoolDir(),
                        null),
                options.force(),
                VerificationSettings.NONE,
                clock.instant());
        return proven.run(request, listener);
    }

    /**
     * Where a report was stored in the bucket, or why it was not.
     *
     * @param key the key of {@code restore.json}, null when it could not be stored
     * @param problem why it could not be stored (the store's answer), null when it was
     */
    public record StoredReport(String key, String problem) {}

    /**
     * Stores {@code report} as {@code restore.json} under the backup's {@code restores/<restoreId>/}, best effort: a
     * read-only bucket or read-only credentials are no failure of the restore.
     */
    public StoredReport storeReport(StoredBackup backup, RestoreReport report) {
        try {
            return new StoredReport(
                    reports.storeRestore(backup.prefix(), report).reportKey(), null);
        } catch (ObjectStoreException e) {
            return new StoredReport(null, e.getMessage());
        }
    }

    /** The bucket restored from. */
    public String bucket() {
        return store.bucket();
    }

    /** The backup's source engine as the manifest says: {@code postgresql}, {@code mariadb} or {@code mysql}. */
    static String sourceEngine(StoredBackup backup) {
        return backup.manifest().source() == null || backup.manifest().source().engine() == null
                ? "postgresql"
                : backup.manifest().source().engine().toLowerCase(Locale.ROOT);
    }

    /**
     * The newest {@code /usr/lib/postgresql/<major>/bin} holding {@code pg_restore} (a newer {@code pg_restore} reads
     * older archives), or null to take {@code pg_restore} from the PATH.
     */
    public static Path defaultPgBinDir() {
        return newestPgBinDir(DEBIAN_POSTGRES);
    }

    static Path newestPgBinDir(Path root) {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> majors = Files.list(root)) {
            return majors.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> p.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_restore")))
                    .max(Comparator.comparingInt(
                            b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
