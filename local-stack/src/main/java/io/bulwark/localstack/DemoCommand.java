package io.bulwark.localstack;

import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.PostgresDatabases;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bulwark demo}: starts the stack in a fresh temporary folder, loads Chinook into a source database (or uses
 * {@code --target}), requests one backup, waits for its verification, prints the report and tears everything down.
 * With {@code --restore-to} it then restores the verified backup through the scheduler's API into a real database
 * there ({@link DemoRestore}) and prints the proven-restore report. With {@code --keep-running} the stack stays up
 * after that, until Ctrl-C, and the dashboard's page of the backup is printed. Exits 0 only when the verification
 * PASSED (and the restore, when asked for, SUCCEEDED).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start Kafka, an S3 server, PostgreSQL and the five services; back up Chinook (or --target, a"
                    + " PostgreSQL or MySQL/MariaDB database); restore the backup into a throwaway instance of its"
                    + " engine and check it; print the report. With --restore-to, then restore the verified backup"
                    + " through the scheduler's API into a new database on that server and print the proven-restore"
                    + " report.",
            "Exit code: 0 PASSED (and, with --restore-to, the restore SUCCEEDED), 1 not passed or backup failed,"
                    + " 2 bad arguments, 3 timeout, 4 stack failure, 5 verification PASSED but the restore was"
                    + " refused or FAILED.",
            "PostgreSQL for the services' state: env BULWARK_PG_URL (postgresql://user[:password]@host:port/db),",
            "otherwise a local instance started from the machine's PostgreSQL server binaries."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "Back up this database instead of Chinook: postgresql://user[:password]@host[:port]/dbname"
                    + " (PostgreSQL, port 5432 by default; postgres:// works too) or"
                    + " mysql://user[:password]@host[:port]/dbname (MySQL/MariaDB, port 3306 by default; mariadb://"
                    + " works too). Percent-encode special characters in the user and password; the password reaches"
                    + " the services through a 0600 secret file only. The target id is the database name, lower-cased.")
    String target;

    @Option(
            names = "--restore-to",
            paramLabel = "URL",
            description = "After the verification PASSED, restore the backup through the scheduler's API (the"
                    + " event-driven path: scheduler, Kafka, verifier) into this server, of the source's engine:"
                    + " postgresql://user[:password]@host[:port][/dbname] or mysql://user[:password]@host[:port][/dbname]."
                    + " Without dbname a new database <source db>_restored_<UTC timestamp> is created; a dbname that"
                    + " exists must be empty. The user must be allowed to create databases; the password reaches the"
                    + " services through a 0600 secret file only (destination '" + DemoRestore.DESTINATION_ID + "').")
    String restoreTo;

    @Option(
            names = "--restore-table",
            paramLabel = "TABLE",
            description = "With --restore-to: restore only this table (schema.table on PostgreSQL, e.g. public.album;"
                    + " the table name on MySQL/MariaDB); repeat for more.")
    List<String> restoreTables = new ArrayList<>();

    @Option(
            names = "--restore-report-json",
            paramLabel = "FILE",
            description = "With --restore-to: also write the proven-restore report (restore.json) to FILE.")
    Path restoreReportJson;

    @Option(
            names = "--report-json",
            paramLabel = "FILE",
            description = "Also write the verification report (verification.json) to FILE.")
    Path reportJson;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long to wait for the backup and its verification, and again for the restore"
                    + " (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    Home.HomeOption home;

    @Option(names = "--keep", description = "Keep the temporary working folder (logs, S3 objects, Kafka data).")
    boolean keep;

    @Option(
            names = "--keep-running",
            description = "When the demo ends, keep the stack running until Ctrl-C and print the dashboard's page of"
                    + " the backup (<scheduler>/console/#/backups/<id>; log in with the admin token file it names).")
    boolean keepRunning;

    /** The demo's backup, once requested. */
    private UUID demoBackup;

    /** Exit code when the verification PASSED but the restore asked for with {@code --restore-to} did not succeed. */
    static final int EXIT_RESTORE_FAILED = 5;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        DatabaseLocation targetLocation;
        PostgresLocation statePostgres;
        DemoRestore.Destination restoreDestination;
        try {
            targetLocation = target == null ? null : DatabaseLocation.parse(target);
            statePostgres = PostgresLocation.fromEnvironment();
            restoreDestination = restoreDestination(
                    targetLocation == null ? DatabaseLocation.Engine.POSTGRESQL : targetLocation.engine());
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return LocalStack.EXIT_USAGE;
        }
        Path root = home.root();
        if (!Stack.jarsPresent(root, err)) {
            return LocalStack.EXIT_STACK_FAILED;
        }

        Path work;
        try {
            work = Files.createTempDirectory("bulwark-demo-");
        } catch (IOException e) {
            err.println("ERROR: cannot create a temporary folder: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        }
        AtomicReference<Stack> running = new AtomicReference<>();
        List<Runnable> afterStack = new ArrayList<>();
        // --keep-running: Ctrl-C wakes the waiting demo, which then stops and cleans up as when it ends by itself
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        AtomicBoolean waiting = new AtomicBoolean();
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            if (waiting.get()) {
                stopRequested.countDown();
                try {
                    cleanedUp.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            Stack s = running.getAndSet(null);
            if (s != null) {
                s.close();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        Stack stack = null;
        try {
            PostgresLocation state = statePostgres == null ? null : freshStateDatabase(statePostgres, afterStack, out);
            stack = Stack.start(new Stack.Settings(work, root, false, state, null, List.of(), null, out));
            running.set(stack);
            int exitCode = runDemo(stack, targetLocation, restoreDestination, out, err);
            if (keepRunning && demoBackup != null) {
                waiting.set(true);
                printDashboard(stack, demoBackup, out);
                stopRequested.await();
                out.println();
            }
            return exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LocalStack.EXIT_STACK_FAILED;
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            if (stack != null) {
                printLogs(stack, err);
            }
            return LocalStack.EXIT_STACK_FAILED;
        } finally {
            Stack s = running.getAndSet(null);
            if (s != null) {
                out.println("Stopping the stack ...");
                s.close();
            }
            afterStack.forEach(Runnable::run);
            WorkFolders.removeShutdownHook(hook);
            WorkFolders.keepOrDelete(work, keep, out, "Working folder kept: ");
            cleanedUp.countDown();
        }
    }

    /** Where to look at the demo's backup while the stack keeps running. */
    private static void printDashboard(Stack stack, UUID backupId, PrintStream out) {
        out.println();
        out.println("The stack keeps running (--keep-running); press Ctrl-C to stop it.");
        out.println("  Dashboard      " + stack.schedulerUrl() + "/console/#/backups/" + backupId);
        out.println("  Log in with    the admin token in " + stack.adminTokenFile());
        out.println("  Scheduler API  " + stack.schedulerUrl() + "/api/backups");
    }

    /**
     * The destination of {@code --restore-to}, checked against the source's engine with the tables asked for.
     *
     * @return the destination, or null when no restore is asked for
     * @throws IllegalArgumentException naming the option that is wrong
     */
    private DemoRestore.Destination restoreDestination(DatabaseLocation.Engine sourceEngine) {
        if (restoreTo == null) {
            if (!restoreTables.isEmpty()) {
                throw new IllegalArgumentException("--restore-table needs --restore-to");
            }
            if (restoreReportJson != null) {
                throw new IllegalArgumentException("--restore-report-json needs --restore-to");
            }
            return null;
        }
        DemoRestore.Destination destination = DemoRestore.parse(restoreTo);
        if (destination.engine() != sourceEngine) {
            throw new IllegalArgumentException(
                    "--restore-to is a " + destination.engine().displayName() + " server, but the backup is of a "
                            + sourceEngine.displayName() + " database");
        }
        DemoRestore.checkTables(restoreTables, sourceEngine);
        return destination;
    }

    private int runDemo(
            Stack stack,
            DatabaseLocation targetLocation,
            DemoRestore.Destination restoreDestination,
            PrintStream out,
            PrintStream err) {
        String targetId;
        DatabaseLocation source;
        if (targetLocation == null) {
            PostgresDatabases dbs = stack.databases();
            String db;
            if (stack.hasLocalPostgres()) {
                db = "chinook";
                if (!dbs.exists(db)) {
                    dbs.create(db);
                }
            } else {
                db = dbs.createUnique("bulwark_demo_chinook");
                stack.beforeInfrastructureStops(() -> dbs.drop(db));
            }
            out.println("Loading Chinook into database " + db + " ...");
            dbs.loadChinook(db);
            source = stack.statePostgres().withDatabase(db).toDatabaseLocation();
            targetId = "chinook";
        } else {
            source = targetLocation;
            targetId = targetLocation.derivedTargetId();
        }
        Path passwordFile = source.password() == null
                ? null
                : ConfigFile.writeSecret(
                        stack.workDir().resolve("secrets").resolve(targetId + ".password"), source.password());
        List<ConfigFile.Destination> destinations = new ArrayList<>();
        if (restoreDestination != null) {
            Path destinationPasswordFile = restoreDestination.password() == null
                    ? null
                    : ConfigFile.writeSecret(
                            stack.workDir().resolve("secrets").resolve("destination-" + DemoRestore.DESTINATION_ID),
                            restoreDestination.password());
            destinations.add(restoreDestination.configured(destinationPasswordFile));
        }
        stack.startServices(List.of(new ConfigFile.Target(targetId, source, passwordFile)), destinations);

        SchedulerClient scheduler = stack.schedulerClient();
        out.println("Requesting a backup of target " + targetId + " (" + source.displayUrl() + ") ...");
        long started = System.nanoTime();
        UUID backupId = scheduler.requestBackup(targetId, "demo");
        demoBackup = backupId;
        out.println("Backup " + backupId + " requested; waiting for its dump and verification (up to " + timeout + ")");
        Optional<SchedulerClient.BackupStatus> status =
                scheduler.await(backupId, SchedulerClient.FINAL_STATES, timeout);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        if (status.isEmpty() || !status.get().isFinal()) {
            err.println("TIMEOUT: backup " + backupId + " did not finish within " + timeout + " (last state: "
                    + status.map(SchedulerClient.BackupStatus::state).orElse("unknown to the scheduler") + ")");
            printLogs(stack, err);
            return LocalStack.EXIT_TIMEOUT;
        }
        SchedulerClient.BackupStatus backup = status.get();
        if ("FAILED".equals(backup.state())) {
            err.println("FAILED: backup " + backupId + " of " + targetId + " failed: "
                    + (backup.failureReason() == null ? "" : backup.failureReason() + ": ")
                    + (backup.failureMessage() == null ? "(no message)" : backup.failureMessage()));
            printLogs(stack, err);
            return LocalStack.EXIT_NOT_PASSED;
        }
        String reportKey = backup.reportKey() != null
                ? backup.reportKey()
                : backup.prefix() == null ? null : ObjectKeys.verificationKey(backup.prefix());
        if (reportKey == null) {
            err.println(
                    "NOT PASSED: backup " + backupId + " ended " + backup.state() + " without a verification report");
            printLogs(stack, err);
            return LocalStack.EXIT_NOT_PASSED;
        }
        byte[] json = Reports.read(stack.s3Client(), stack.s3().bucket(), reportKey);
        if (reportJson != null) {
            try {
                Path parent = reportJson.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(reportJson, json);
            } catch (IOException e) {
                err.println("ERROR: cannot write " + reportJson + ": " + e.getMessage());
                return LocalStack.EXIT_STACK_FAILED;
            }
        }
        VerificationReport report = Reports.parse(json);
        out.println();
        out.print(Reports.render(report));
        out.println("Backup state: " + backup.state() + "; requested to verified in " + elapsedMillis + " ms");
        if (reportJson != null) {
            out.println("Report written to " + reportJson.toAbsolutePath());
        }
        if (report.outcome() == Outcome.PASSED && "VERIFIED".equals(backup.state())) {
            out.println();
            out.println("PASSED: backup " + backupId + " of " + targetId + " restores, and all "
                    + report.tables().size() + " tables have their source row counts.");
            if (restoreDestination == null) {
                return 0;
            }
            return new DemoRestore(restoreDestination, restoreTables, restoreReportJson, timeout)
                    .run(stack, scheduler, backupId, out, err);
        }
        err.println();
        err.println("NOT PASSED: verification outcome " + report.outcome() + " (backup state " + backup.state() + ")"
                + failedChecks(report));
        return LocalStack.EXIT_NOT_PASSED;
    }

    private static String failedChecks(VerificationReport report) {
        List<String> failed = report.checks().stream()
                .filter(c -> c.status() != CheckStatus.PASSED && c.status() != CheckStatus.SKIPPED)
                .map(c -> c.name() + " " + c.status() + (c.detail() == null ? "" : " (" + c.detail() + ")"))
                .toList();
        return failed.isEmpty() ? "" : "; checks not passed: " + String.join("; ", failed);
    }

    private static PostgresLocation freshStateDatabase(
            PostgresLocation server, List<Runnable> afterStack, PrintStream out) {
        PostgresDatabases dbs =
                new PostgresDatabases(server.host(), server.port(), server.username(), server.password());
        try {
            String db = dbs.createUnique("bulwark_demo_state");
            afterStack.add(() -> {
                try {
                    dbs.drop(db);
                } catch (RuntimeException e) {
                    out.println("warning: " + e.getMessage());
                }
            });
            return server.withDatabase(db);
        } catch (RuntimeException e) {
            out.println("Cannot create a database on " + server.displayUrl() + " (" + e.getMessage()
                    + "); the services keep their state in " + server.database());
            return server;
        }
    }

    static void printLogs(Stack stack, PrintStream err) {
        printLogs(stack, err, "Service logs (add --keep to keep them after exit):");
    }

    static void printLogs(Stack stack, PrintStream err, String heading) {
        List<String> logs = new ArrayList<>();
        for (BulwarkService s : BulwarkService.values()) {
            ServiceProcess p = stack.service(s);
            if (p != null) {
                logs.add("  " + s.module() + ": " + p.logFile());
            }
        }
        if (!logs.isEmpty()) {
            err.println(heading);
            logs.forEach(err::println);
        }
    }
}
