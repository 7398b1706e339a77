package io.bulwark.localstack.restore;

import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.localstack.DurationConverter;
import io.bulwark.localstack.restore.RestoreCredentials.S3Keys;
import io.bulwark.pipeline.ProvenRestore;
import io.bulwark.pipeline.RestoreRefusedException;
import io.bulwark.pipeline.StoredBackup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark restore}: the standalone disaster-recovery restore. Needs only the object store and the destination
 * server: finds the backup in the bucket ({@link BackupLocator}), restores it into a new or named database and proves
 * it through the pipeline's {@code ProvenRestore} ({@link StandaloneRestore}), prints a summary ({@link
 * RestoreSummary}), writes the report to {@code --report-json} and stores {@code restore.json} beside the backup when
 * the bucket takes it. Credentials come from the environment or files ({@link RestoreCredentials}), never from the
 * command line. Exit codes: {@link RestoreExit}.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Disaster recovery with nothing but the object store and the destination server: find a backup in the"
                    + " bucket, restore it into a real database and prove it (the verifier's checks: tables, exact"
                    + " row counts, schema objects, foreign keys, sequences, the source's own health at dump time).",
            "The destination is a new database <source db>_restored_<UTC time> unless --to names one or --database"
                    + " does; a database that is not empty, and the backup's own source database, are written only"
                    + " with --replace --confirm NAME.",
            "Credentials never go on the command line: the destination's password from env "
                    + RestoreCredentials.RESTORE_PASSWORD_ENV + " or --password-file; the S3 keys from env "
                    + RestoreCredentials.S3_ACCESS_KEY_ENV + "/" + RestoreCredentials.S3_SECRET_KEY_ENV + " (or "
                    + RestoreCredentials.AWS_ACCESS_KEY_ENV + "/" + RestoreCredentials.AWS_SECRET_KEY_ENV
                    + ") or the --s3-*-key-file options; OpenPGP secret keys with --secret-key FILE, their"
                    + " passphrase from env " + RestoreCredentials.SECRET_KEY_PASSPHRASE_ENV
                    + " or --secret-key-passphrase-file; a backup passphrase from env "
                    + RestoreCredentials.BACKUP_PASSPHRASE_ENV + " or --passphrase-file.",
            "The report is written to --report-json and stored as restore.json (JSON only, no HTML page) under"
                    + " <backup>/restores/<restoreId>/ in the bucket when the bucket can be written (best effort)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the restore SUCCEEDED: restored and proven equal to the manifest",
            "1:the restore FAILED: the archive, its decryption, the restore tool or the proof",
            "2:bad arguments, or the request was refused before anything was written (DESTINATION_REFUSED,"
                    + " INVALID_REQUEST, DESTINATION_BUSY, BACKUP_NOT_VERIFIED: add --force)",
            "3:the backup was not found (BACKUP_NOT_FOUND)",
            "4:the object store or the destination server could not be reached"
        })
public final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--s3-endpoint", required = true, paramLabel = "URL", description = "The S3 endpoint.")
    String endpoint;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket of the backups.")
    String bucket;

    @Option(
            names = "--s3-region",
            paramLabel = "REGION",
            defaultValue = "us-east-1",
            description = "The region to sign for (default ${DEFAULT-VALUE}).")
    String region;

    @Option(
            names = "--backup",
            paramLabel = "PREFIX|ID",
            description = "The backup: its prefix (chinook/2026/11/adhoc_20261123T190102Z_1a2b3c4d/) or its id.")
    String backup;

    @Option(
            names = "--target",
            paramLabel = "ID",
            description = "Without --backup: restore this target's newest VERIFIED backup. With it: the backup must"
                    + " be of this target (and an id is looked for in its folders only).")
    String target;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "With --target: the newest VERIFIED backup completed at or before TIME (ISO-8601, e.g."
                    + " 2026-11-23T19:00:00Z).")
    java.time.Instant at;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "URL",
            description = "The destination server: " + DestinationUrl.FORMS + "; no password in it.")
    String to;

    @Option(names = "--database", paramLabel = "NAME", description = "The database to restore into.")
    String database;

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            split = ",",
            description = "Restore only this table (schema.table on PostgreSQL); repeatable.")
    List<String> tables = List.of();

    @Option(
            names = "--schema",
            paramLabel = "SCHEMA",
            split = ",",
            description = "Restore only this schema (PostgreSQL); repeatable.")
    List<String> schemas = List.of();

    @Option(
            names = "--jobs",
            paramLabel = "N",
            defaultValue = "1",
            description = "Parallel restore jobs (PostgreSQL pg_restore -j: the decoded archive is spooled to a"
                    + " temporary file first); 1 streams (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--replace", description = "Restore into a database that is not empty (or the source's own).")
    boolean replace;

    @Option(names = "--confirm", paramLabel = "NAME", description = "With --replace: the database's name again.")
    String confirm;

    @Option(names = "--force", description = "Restore a backup that is not VERIFIED.")
    boolean force;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Write the restore report (JSON) here.")
    Path reportJson;

    @Option(names = "--no-store-report", description = "Do not store restore.json in the bucket.")
    boolean noStoreReport;

    @Option(
            names = "--secret-key",
            paramLabel = "FILE",
            description = "An OpenPGP secret key file (armored or binary) for encrypted backups; repeatable.")
    List<Path> secretKeys = List.of();

    @Option(
            names = "--secret-key-passphrase-file",
            paramLabel = "FILE",
            description = "The passphrase of the secret keys (else env " + RestoreCredentials.SECRET_KEY_PASSPHRASE_ENV
                    + ").")
    Path secretKeyPassphraseFile;

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "The passphrase of symmetrically encrypted backups (else env "
                    + RestoreCredentials.BACKUP_PASSPHRASE_ENV + ").")
    Path passphraseFile;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "The destination's password (else env " + RestoreCredentials.RESTORE_PASSWORD_ENV
                    + "; neither: no password).")
    Path passwordFile;

    @Option(
            names = "--manifest-key",
            paramLabel = "FILE",
            description = "The manifest signing key (bulwark.manifest-signing.key-file): a backup whose manifest.json"
                    + " is not signed with it is not restored.")
    Path manifestKeyFile;

    @Option(names = "--s3-access-key-file", paramLabel = "FILE", description = "The S3 access key.")
    Path s3AccessKeyFile;

    @Option(names = "--s3-secret-key-file", paramLabel = "FILE", description = "The S3 secret key.")
    Path s3SecretKeyFile;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "12h",
            converter = DurationConverter.class,
            description = "How long the restore tool may run (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--spool-dir", paramLabel = "DIR", description = "Where --jobs > 1 spools the archive.")
    Path spoolDir;

    @Option(
            names = "--pg-bin",
            paramLabel = "DIR",
            description = "The folder of pg_restore (default: the newest /usr/lib/postgresql/<N>/bin, else the PATH).")
    Path pgBin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> env;
    private final BooleanSupplier terminal;

    /** A command reading the process's environment and showing a progress bar when stdout is a terminal. */
    public RestoreCommand() {
        this(System::getenv, RestoreProgressView::onTerminal);
    }

    /**
     * @param env reads an environment variable
     * @param terminal tells whether to show a progress bar (else log lines)
     */
    RestoreCommand(Function<String, String> env, BooleanSupplier terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RestoreArguments arguments;
        try {
            arguments = RestoreArguments.check(this);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return run(arguments, spec.commandLine().getOut(), err);
        } catch (RuntimeException e) {
            // nothing below should get here; say what it was, without a stack trace
            err.println("ERROR: " + e.getClass().getSimpleName() + ": " + rootCause(e));
            return RestoreExit.UNREACHABLE;
        }
    }

    private int run(RestoreArguments arguments, PrintWriter out, PrintWriter err) {
        RestoreCredentials credentials = new RestoreCredentials(env);
        StandaloneRestore restore;
        String password;
        try {
            S3Keys s3 = credentials.s3Keys(s3AccessKeyFile, s3SecretKeyFile);
            DecryptionKeys keys = credentials.decryptionKeys(secretKeys, secretKeyPassphraseFile, passphraseFile);
            password = credentials.destinationPassword(passwordFile);
            MinioObjectStore store = new MinioObjectStore(new ObjectStoreSettings(
                    endpoint, s3.accessKey(), s3.secretKey(), bucket, region, ObjectStoreSettings.DEFAULT_PART_SIZE));
            ManifestSigningKeys manifestKeys = manifestKeyFile == null
                    ? null
                    : ManifestSigningKeys.load(
                            null, manifestKeyFile.toString(), null, List.of(), env, "--manifest-key");
            restore = new StandaloneRestore(
                    store,
                    keys,
                    pgBin != null ? pgBin : StandaloneRestore.defaultPgBinDir(),
                    Clock.systemUTC(),
                    manifestKeys);
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return RestoreExit.REFUSED;
        }
        StoredBackup found;
        try {
            found = restore.backups().find(backup, target, at);
        } catch (RestoreRefusedException e) {
            err.println(e.reason() + ": " + e.getMessage());
            return RestoreExit.of(e.reason());
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return RestoreExit.REFUSED;
        } catch (ObjectStoreException | IllegalStateException e) {
            // the MinIO SDK's listing throws IllegalStateException(ConnectException) for a server that is down
            err.println("STORAGE_UNAVAILABLE: cannot read bucket " + bucket + " at " + endpoint + ": " + rootCause(e));
            return RestoreExit.UNREACHABLE;
        }
        err.println("restore: backup " + found.manifest().backupId() + " of target "
                + found.manifest().targetId() + " at " + found.prefix() + " (" + verification(found) + ") into "
                + arguments.destination());
        ProvenRestore.Result result;
        boolean bar = terminal.getAsBoolean();
        try (RestoreProgressView progress = new RestoreProgressView(err, bar, Duration.ofSeconds(bar ? 1 : 5))) {
            result = restore.restore(
                    found,
                    new StandaloneRestore.Destination(arguments.destination(), password),
                    new StandaloneRestore.Options(
                            arguments.database(),
                            replace,
                            confirm,
                            new RestoreSelection(schemas, tables),
                            jobs,
                            force,
                            timeout,
                            spoolDir),
                    progress);
        } catch (RestoreRefusedException e) {
            err.println(e.reason() + ": " + e.getMessage());
            return RestoreExit.of(e.reason());
        }
        return finish(restore, found, result.report(), arguments.database(), out, err);
    }

    /** Prints the summary, writes and stores the report; answers the exit code. */
    private int finish(
            StandaloneRestore restore,
            StoredBackup found,
            RestoreReport report,
            String database,
            PrintWriter out,
            PrintWriter err) {
        out.print(RestoreSummary.render(report));
        out.flush();
        if (report.reason() == RestoreFailureReason.DESTINATION_REFUSED && database != null) {
            err.println("restore: nothing was written; to restore into " + database + " all the same add --replace"
                    + " --confirm " + database + ", or leave the database out to restore into a new one");
        } else if (report.reason() == RestoreFailureReason.BACKUP_NOT_VERIFIED) {
            err.println("restore: nothing was written; add --force to restore a backup that is not VERIFIED");
        }
        if (reportJson != null) {
            writeReport(report, err);
        }
        if (!noStoreReport) {
            StandaloneRestore.StoredReport stored = restore.storeReport(found, report);
            err.println(
                    stored.key() != null
                            ? "restore: report stored as s3://" + bucket + "/" + stored.key()
                            : "restore: note: restore.json was not stored in the bucket (" + stored.problem()
                                    + "); the restore's outcome does not depend on it");
        }
        return RestoreExit.of(report);
    }

    /** The innermost cause's message, which names what went wrong (connection refused, unknown host...). */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root == e || e.getMessage() == null) {
            return message;
        }
        return e.getMessage().contains(message) ? e.getMessage() : e.getMessage() + " (" + message + ")";
    }

    private static String verification(StoredBackup backup) {
        if (backup.verified()) {
            return "VERIFIED";
        }
        return backup.verificationOutcome() == null ? "never verified" : "verification " + backup.verificationOutcome();
    }

    /** Writes {@code --report-json}; a file that cannot be written is said, the restore's outcome stands. */
    private void writeReport(RestoreReport report, PrintWriter err) {
        try {
            Path parent = reportJson.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(reportJson, EventJson.toPrettyString(report) + "\n", StandardCharsets.UTF_8);
            err.println("restore: report written to " + reportJson);
        } catch (IOException e) {
            err.println("ERROR: cannot write the report to " + reportJson + ": " + e.getMessage());
        }
    }

    /** Reads {@code --at} as an ISO-8601 instant or offset date-time. */
    static final class InstantConverter implements CommandLine.ITypeConverter<java.time.Instant> {
        @Override
        public java.time.Instant convert(String value) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not an ISO-8601 time with an offset, e.g. 2026-11-23T19:00:00Z");
            }
        }
    }
}
