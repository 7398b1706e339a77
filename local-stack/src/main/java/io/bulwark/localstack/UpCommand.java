package io.bulwark.localstack;

import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.localstack.cli.UpFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bulwark up}: starts the stack with its data in {@code ./.bulwark/} (kept across restarts), declares the
 * Chinook target (loaded once into a {@code chinook} database), prints where everything listens (the dashboard
 * first), writes {@code .bulwark/up.json} in the working folder for the client commands ({@link UpFile}) and runs until
 * Ctrl-C.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start Kafka, an S3 server, PostgreSQL and the five services and keep them running until Ctrl-C.",
            "Data (Kafka, S3 objects, PostgreSQL, logs, bulwark.yml) stays in --data-dir across restarts.",
            "Declare more targets and schedules in <data-dir>/bulwark-local.yml (same layout as bulwark.yml)."
        })
final class UpCommand implements Callable<Integer> {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".bulwark",
            description = "Folder for the stack's data (default ${DEFAULT-VALUE} in the current folder).")
    Path dataDir;

    @Mixin
    Home.HomeOption home;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Path root = home.root();
        if (!Stack.jarsPresent(root, err)) {
            return LocalStack.EXIT_STACK_FAILED;
        }
        PostgresLocation statePostgres;
        try {
            statePostgres = PostgresLocation.fromEnvironment();
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return LocalStack.EXIT_USAGE;
        }
        Path work = dataDir.toAbsolutePath().normalize();
        Path localConfig = work.resolve("bulwark-local.yml");
        CountDownLatch stopped = new CountDownLatch(1);
        Stack stack;
        try {
            stack = Stack.start(
                    new Stack.Settings(work, root, true, statePostgres, null, List.of(localConfig), null, out));
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        }
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            out.println();
            out.println("Stopping the stack ...");
            stack.close();
            out.println("Stopped. Data kept in " + work);
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            PostgresDatabases dbs = stack.databases();
            if (!dbs.exists("chinook")) {
                dbs.create("chinook");
                out.println("Loading Chinook into database chinook ...");
                dbs.loadChinook("chinook");
            }
            PostgresLocation source = stack.statePostgres().withDatabase("chinook");
            Path passwordFile = source.password() == null
                    ? null
                    : ConfigFile.writeSecret(work.resolve("secrets").resolve("chinook.password"), source.password());
            stack.startServices(List.of(new ConfigFile.Target("chinook", source.toDatabaseLocation(), passwordFile)));
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            DemoCommand.printLogs(stack, err, "Service logs:");
            return LocalStack.EXIT_STACK_FAILED;
        }
        Path upFile;
        try {
            upFile = upFile(stack).write(UpFile.in(Path.of("").toAbsolutePath()));
        } catch (java.io.UncheckedIOException e) {
            err.println(
                    "warning: " + e.getMessage() + "; the bulwark client commands then need --url and --token-file");
            upFile = null;
        }
        printSummary(stack, work, statePostgres == null, out);
        if (upFile != null) {
            out.println(
                    "The bulwark client commands (./bulwark backup list, targets, watch, ...) find the stack through "
                            + upFile);
        }
        while (stopped.getCount() > 0) {
            for (BulwarkService s : BulwarkService.values()) {
                ServiceProcess p = stack.service(s);
                if (p != null && !p.isAlive() && stopped.getCount() > 0) {
                    err.println("warning: " + s.module() + " exited; see " + p.logFile());
                }
            }
            if (stopped.await(10, TimeUnit.SECONDS)) {
                break;
            }
        }
        return 0;
    }

    /**
     * What {@code .bulwark/up.json} says of a running stack: the scheduler's URL (API and dashboard), S3, Kafka, the
     * admin token's file and the retention service.
     */
    static UpFile upFile(Stack stack) {
        String api = stack.schedulerUrl();
        ServiceProcess retention = stack.service(BulwarkService.RETENTION);
        return new UpFile(
                api,
                api + "/console/",
                stack.s3().endpoint(),
                stack.kafkaBootstrapServers(),
                stack.adminTokenFile().toAbsolutePath().toString(),
                retention == null ? null : retention.baseUrl());
    }

    private static void printSummary(Stack stack, Path work, boolean localPostgres, PrintStream out) {
        String scheduler = stack.schedulerUrl();
        out.println();
        out.println("Bulwark is running. Press Ctrl-C to stop (data stays in " + work + ").");
        out.println("  Dashboard        " + scheduler + "/console/   (sign in with the admin token in "
                + stack.adminTokenFile() + ")");
        out.println("  Scheduler API    " + scheduler + "/api/backups   admin token in " + stack.adminTokenFile());
        for (BulwarkService s : BulwarkService.values()) {
            ServiceProcess p = stack.service(s);
            out.printf("  %-16s %s/actuator/health   log %s%n", s.module(), p.baseUrl(), p.logFile());
        }
        out.println("  S3 endpoint      " + stack.s3().endpoint() + "   bucket "
                + stack.s3().bucket() + "   keys in " + work.resolve("secrets").resolve("s3-keys"));
        out.println("  Kafka bootstrap  " + stack.kafkaBootstrapServers() + "   SASL_PLAINTEXT, SCRAM-SHA-512; user "
                + StackKafka.ADMIN + ", password in " + stack.kafkaPasswordFile(StackKafka.ADMIN));
        out.println("  PostgreSQL       " + stack.statePostgres().displayUrl()
                + (localPostgres
                        ? "   password in "
                                + stack.workDir().resolve("pg").resolve("data" + LocalPostgresInstance.PASSWORD_SUFFIX)
                        : ""));
        out.println("  Configuration    " + stack.configFile() + "   (add targets in "
                + work.resolve("bulwark-local.yml") + ")");
        out.println();
        String auth = "-H \"Authorization: Bearer $(cat " + stack.adminTokenFile() + ")\"";
        out.println("Request a backup of Chinook (every API call needs the token):");
        out.println("  curl -s -X POST " + auth
                + " -H 'Content-Type: application/json' -d '{\"targetId\":\"chinook\"}' " + scheduler + "/api/backups");
        out.println("  curl -s " + auth + " " + scheduler + "/api/backups");
    }
}
