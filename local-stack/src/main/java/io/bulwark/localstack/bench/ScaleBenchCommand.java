package io.bulwark.localstack.bench;

import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.localstack.BulwarkService;
import io.bulwark.localstack.ConfigFile;
import io.bulwark.localstack.DurationConverter;
import io.bulwark.localstack.Home;
import io.bulwark.localstack.LocalStack;
import io.bulwark.localstack.PostgresLocation;
import io.bulwark.localstack.Stack;
import io.bulwark.localstack.WorkFolders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bulwark bench scale}: how the throughput of backup plus verification grows with the dump-workers and
 * verifiers. Makes {@code --targets} small databases on the source PostgreSQL (copies of Chinook under unique names,
 * dropped at the end), then for each {@code k} of {@code --workers} runs a fresh local stack (Kafka, S3, a fresh
 * database on the same PostgreSQL for the state; scheduler, {@code k} dump-workers and {@code k} verifiers with their default concurrency),
 * requests every target at once through the scheduler's API and waits until each backup is final ({@link ScaleRound}).
 * A benchmark run by hand, never by the build.
 */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmark scale-out: N small targets (copies of Chinook) requested at once, on a fresh local stack with k"
                    + " dump-workers and k verifiers for each k of --workers.",
            "Prints per k: backups verified per minute, wall time, ratio to k=1, lost (not VERIFIED at the end) and"
                    + " duplicated (BackupCompleted or BackupVerified records beyond one per backup).",
            "PostgreSQL of the targets: env BULWARK_PG_URL, else " + CaptureBenchCommand.DEFAULT_PG_URL + "; the"
                    + " databases bulwark_scale_* made there are dropped at the end.",
            "Exit code: 0 every backup verified once, 1 a backup lost or duplicated, 2 bad arguments, 4 could not run."
        })
public final class ScaleBenchCommand implements Callable<Integer> {

    @Option(
            names = "--targets",
            paramLabel = "N",
            defaultValue = "100",
            description = "Target databases, each backed up once per round (default ${DEFAULT-VALUE}).")
    int targets;

    @Option(
            names = "--workers",
            paramLabel = "K[,K...]",
            split = ",",
            defaultValue = "1,2,4",
            description = "Dump-workers (and as many verifiers) of each round (default ${DEFAULT-VALUE}).")
    List<Integer> workers;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "20m",
            converter = DurationConverter.class,
            description = "How long one round may take (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--start-timeout",
            paramLabel = "DURATION",
            defaultValue = "15m",
            converter = DurationConverter.class,
            description = "How long the services of one round may take to start (default ${DEFAULT-VALUE}).")
    Duration startTimeout;

    @Option(names = "--keep", description = "Keep the working folder (logs, Kafka data, artifacts).")
    boolean keep;

    @Mixin
    Home.HomeOption home;

    /** The figures of one round, with the workers it ran. */
    record Row(int workers, ScaleRound.Result result) {}

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (targets < 1
                || workers == null
                || workers.isEmpty()
                || workers.stream().anyMatch(k -> k == null || k < 1)) {
            err.println("ERROR: --targets and --workers take whole numbers from 1");
            return LocalStack.EXIT_USAGE;
        }
        PostgresLocation server;
        try {
            PostgresLocation fromEnv = PostgresLocation.fromEnvironment();
            server = fromEnv != null ? fromEnv : PostgresLocation.parse(CaptureBenchCommand.DEFAULT_PG_URL);
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
            work = Files.createTempDirectory("bulwark-bench-scale-");
            // a sandbox's server runs as another OS user when this JVM runs as root: it must traverse the folder
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            err.println("ERROR: cannot create a temporary folder: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        }
        PostgresDatabases source =
                new PostgresDatabases(server.host(), server.port(), server.username(), server.password());
        List<String> made = new ArrayList<>();
        Path passwordFile = server.password() == null
                ? null
                : ConfigFile.writeSecret(work.resolve("secrets").resolve("source.password"), server.password());
        try {
            Map<String, String> databases = makeTargets(source, made, err);
            List<ConfigFile.Target> declared = databases.entrySet().stream()
                    .map(e -> new ConfigFile.Target(
                            e.getKey(), server.withDatabase(e.getValue()).toDatabaseLocation(), passwordFile))
                    .toList();
            List<Row> rows = new ArrayList<>();
            for (int k : workers) {
                String stateDb = source.createUnique("bulwark_scale_state");
                made.add(stateDb);
                rows.add(
                        new Row(k, round(root, work.resolve("k" + k), server.withDatabase(stateDb), k, declared, err)));
                out.println(line(rows.getLast(), rows));
            }
            out.println("# bulwark bench scale: " + targets + " Chinook copies on " + server.displayUrl()
                    + ", requested at once; k dump-workers and k verifiers (bulwark.dump-worker.concurrency and"
                    + " bulwark.verifier.concurrency / max-concurrent-sandboxes at their defaults), "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            rows.forEach(r -> out.println(line(r, rows)));
            boolean clean = rows.stream()
                    .allMatch(r -> r.result().lost() == 0 && r.result().duplicated() == 0);
            return clean ? 0 : LocalStack.EXIT_NOT_PASSED;
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            return LocalStack.EXIT_STACK_FAILED;
        } finally {
            for (String db : made) {
                try {
                    source.drop(db);
                } catch (RuntimeException e) {
                    err.println("warning: " + e.getMessage());
                }
            }
            err.println("bench: dropped " + made.size() + " databases");
            WorkFolders.keepOrDelete(work, keep, err, "bench: working folder kept: ");
        }
    }

    /**
     * One line of figures: {@code k=2 targets=100 verified=100 wall_s=95.1 per_min=63.1 ratio=1.84 lost=0
     * duplicated=0}; the ratio is this round's throughput over that of the round with one worker among {@code rows},
     * {@code n/a} while there is none.
     */
    static String line(Row row, List<Row> rows) {
        ScaleRound.Result r = row.result();
        double single = rows.stream()
                .filter(x -> x.workers() == 1)
                .mapToDouble(x -> x.result().perMinute())
                .findFirst()
                .orElse(0);
        String ratio = single > 0 ? String.format(Locale.ROOT, "%.2f", r.perMinute() / single) : "n/a";
        return String.format(
                        Locale.ROOT,
                        "k=%d targets=%d verified=%d wall_s=%.1f per_min=%.1f ratio=%s lost=%d duplicated=%d",
                        row.workers(),
                        r.requested().size(),
                        r.verified(),
                        r.wallMillis() / 1000.0,
                        r.perMinute(),
                        ratio,
                        r.lost(),
                        r.duplicated())
                + (r.notVerified().isEmpty() ? "" : " not_verified=" + r.notVerified());
    }

    /** A template database with Chinook, then {@link #targets} copies of it: target id to database. */
    private Map<String, String> makeTargets(PostgresDatabases source, List<String> made, PrintStream err) {
        String template = source.createUnique("bulwark_scale_tpl");
        made.add(template);
        source.loadChinook(template);
        String prefix = template.replace("_tpl_", "_");
        err.println("bench: making " + targets + " copies of Chinook named " + prefix + "_<n> ...");
        Map<String, String> databases = new LinkedHashMap<>();
        for (int i = 1; i <= targets; i++) {
            String db = prefix + "_" + i;
            source.execute("postgres", "CREATE DATABASE " + db + " TEMPLATE " + template);
            made.add(db);
            databases.put("scale-" + i, db);
        }
        return databases;
    }

    private ScaleRound.Result round(
            Path root, Path work, PostgresLocation state, int k, List<ConfigFile.Target> declared, PrintStream err) {
        err.println("bench: k=" + k + ": starting the stack in " + work + " ...");
        try (Stack stack =
                Stack.start(new Stack.Settings(work, root, false, state, null, List.of(), startTimeout, err))) {
            stack.startServices(
                    declared,
                    List.of(),
                    EnumSet.of(BulwarkService.SCHEDULER, BulwarkService.DUMP_WORKER, BulwarkService.VERIFIER));
            ConsumerGroups groups = new ConsumerGroups(stack.kafkaBootstrapServers(), stack.kafkaAdminProperties());
            try (groups) {
                int workerMembers = groups.awaitStable(ConsumerGroups.DUMP_WORKER, 1, startTimeout);
                int verifierMembers = groups.awaitStable(ConsumerGroups.VERIFIER, 1, startTimeout);
                for (int i = 2; i <= k; i++) {
                    stack.startInstance(BulwarkService.DUMP_WORKER, String.valueOf(i));
                    stack.startInstance(BulwarkService.VERIFIER, String.valueOf(i));
                }
                groups.awaitStable(ConsumerGroups.DUMP_WORKER, k * workerMembers, startTimeout);
                groups.awaitStable(ConsumerGroups.VERIFIER, k * verifierMembers, startTimeout);
            }
            err.println("bench: k=" + k + ": requesting " + declared.size() + " backups at once ...");
            return ScaleRound.run(
                    stack, declared.stream().map(ConfigFile.Target::id).toList(), timeout, err);
        }
    }
}
