package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.testsupport.MariaDbDatabases;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One whole stack shared by the end-to-end classes of this module ({@link EndToEndIT}, {@link HostileSourceIT},
 * {@link MariaDbEndToEndIT}, {@link CliIT}, {@link InfrastructureOutageIT}, {@link ConsoleIT}, {@link
 * PoisonRecordsIT}, {@link ServiceRestartIT}, {@link WorkersScaleOutIT}): Kafka and S3Proxy in this JVM, the machine's PostgreSQL for the services' state, the five
 * service jars as child JVMs and a webhook receiver for the notifier. It is started by the first class that asks for
 * it (a {@code @BeforeAll} parameter, resolved by {@link Resolver}) and closed when the test run ends (JUnit closes the
 * root store's {@link AutoCloseable} values), so the classes pay for one start, not one each.
 *
 * <p>Targets:
 *
 * <ul>
 *   <li>{@code chinook}: Chinook on the machine's PostgreSQL, with a (carried, unused) password file;
 *   <li>{@code console}: the same database as the dashboard's target ({@link ConsoleIT}), so that its health and
 *       backups are the dashboard tests' own;
 *   <li>{@code flawed}: a PostgreSQL source with its own flaws (orphan rows under a NOT VALID foreign key, a sequence
 *       behind its column);
 *   <li>{@code hostile}: a PostgreSQL source whose CHECK constraints and index expression try to escape a restore
 *       ({@code scripts/hostile-postgres.sh}) into {@link #escapeDir()};
 *   <li>{@code chinook_mariadb}: Chinook on the machine's MariaDB, dumped by a least-privilege user
 *       ({@code scripts/chinook-mariadb.sh}: the README's grants, a password);
 *   <li>{@link #SCALE_TARGETS}: twelve more on the Chinook database, one per partition of the request topic.
 * </ul>
 *
 * <p>API tokens: the stack's admin token and a viewer's ({@link #viewerToken}).
 *
 * <p>Restore destinations: {@value #DESTINATION} (the machine's PostgreSQL) and {@value #MARIADB_DESTINATION} (the
 * machine's MariaDB as root). Databases a test restores into are registered with {@link #restoredPostgres} and
 * {@link #restoredMariaDb} and dropped at the end.
 */
final class EndToEndStack implements AutoCloseable {

    /** The PostgreSQL restore destination: the machine's server. */
    static final String DESTINATION = "local";
    /** The MariaDB restore destination: the machine's server, as root. */
    static final String MARIADB_DESTINATION = "local-mariadb";
    /**
     * Twelve targets on the Chinook database, {@code scale-<n>}, whose ids fall on twelve different partitions of
     * {@code bulwark.backup.requested} ({@link StackKafka#PARTITIONS}), so that two consumers of a group share them
     * whatever partitions the group gives each ({@link WorkersScaleOutIT}).
     */
    static final List<String> SCALE_TARGETS = onePerPartition("scale-", StackKafka.PARTITIONS);

    final PostgresDatabases pg = PostgresDatabases.local();
    final MariaDbDatabases mariadb = MariaDbDatabases.local();
    final List<String> webhookBodies = new CopyOnWriteArrayList<>();
    final List<String> restoredPostgres = new CopyOnWriteArrayList<>();
    final List<String> restoredMariaDb = new CopyOnWriteArrayList<>();
    /** The Chinook target's password: the machine's PostgreSQL trusts local connections, so it is carried, unused. */
    final String targetPassword = "e2e-target-secret-" + UUID.randomUUID();
    /** A token of the viewer role: it may read everything and change nothing (the dashboard's tests log in with it). */
    final String viewerToken = "e2e-viewer-" + UUID.randomUUID();
    /** The MariaDB backup user's password, which the server does check. */
    final String mariadbPassword = "e2e-mariadb-" + MariaDbDatabases.randomHex(12);

    private final Path workDir;
    private final Path escapeDir;
    private HttpServer webhook;
    private String stateDb;
    private String sourceDb;
    private String flawedDb;
    private String hostileDb;
    private String mariadbDb;
    private String mariadbUser;
    private Stack stack;

    private EndToEndStack() throws IOException {
        workDir = Files.createTempDirectory("bulwark-e2e-");
        escapeDir = workDir.resolveSibling(workDir.getFileName() + "-escape");
    }

    /** Resolves an {@link EndToEndStack} parameter: the one of this test run, started on first use. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
            return parameter.getParameter().getType() == EndToEndStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
            return extension
                    .getRoot()
                    .getStore(ExtensionContext.Namespace.create(EndToEndStack.class))
                    .computeIfAbsent(EndToEndStack.class, k -> EndToEndStack.start(), EndToEndStack.class);
        }
    }

    private static EndToEndStack start() {
        EndToEndStack e2e = null;
        try {
            e2e = new EndToEndStack();
            e2e.startEverything();
            return e2e;
        } catch (Exception | AssertionError e) {
            if (e2e != null) {
                e2e.close();
            }
            throw new IllegalStateException("the end-to-end stack did not start: " + e.getMessage(), e);
        }
    }

    private void startEverything() throws Exception {
        Path home = DumpWorkerCluster.repositoryRoot();
        assertThat(Stack.missingJars(home))
                .as("service jars are built before local-stack (./mvnw -B -DskipTests install)")
                .isEmpty();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                webhookBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();

        stateDb = pg.createUnique("e2e_state");
        sourceDb = pg.createUnique("e2e_chinook");
        pg.loadChinook(sourceDb);
        flawedDb = pg.createUnique("e2e_flawed");
        // the source's own flaws: 2 orphan rows under a foreign key added NOT VALID, a sequence behind its column
        pg.execute(flawedDb, """
                CREATE TABLE parent (id int PRIMARY KEY);
                CREATE TABLE child (id int PRIMARY KEY, parent_id int);
                INSERT INTO parent VALUES (1);
                INSERT INTO child VALUES (1, 1), (2, NULL), (3, 7), (4, 8);
                ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent NOT VALID;
                CREATE TABLE ticket (id serial PRIMARY KEY);
                INSERT INTO ticket VALUES (1), (2), (3);
                """);
        // a world-writable folder the hostile artifact's escapes aim at: whatever lands there escaped a sandbox
        Files.createDirectory(escapeDir);
        Files.setAttribute(escapeDir, "unix:mode", 01777);
        hostileDb = "e2e_hostile_" + MariaDbDatabases.randomHex(4);
        runScript(home, "scripts/hostile-postgres.sh", hostileDb, escapeDir.toString());
        mariadbDb = "e2e_chinook_" + MariaDbDatabases.randomHex(4);
        mariadbUser = "e2e_backup_" + MariaDbDatabases.randomHex(4);
        runScript(home, "scripts/chinook-mariadb.sh", mariadbDb, mariadbUser, mariadbPassword);

        PostgresLocation state = new PostgresLocation(pg.host(), pg.port(), stateDb, pg.username(), null);
        // the stack's admin token and a viewer's (this list replaces the stack's own, which has the admin only)
        Path secrets = workDir.resolve("secrets");
        Path tokens = ConfigFile.writeSecret(
                workDir.resolve("api-tokens.yml"),
                ConfigFile.renderSecurity(List.of(
                        new ConfigFile.ApiTokenEntry("local-admin", "admin", workDir.resolve(Stack.ADMIN_TOKEN_FILE)),
                        new ConfigFile.ApiTokenEntry(
                                "e2e-viewer",
                                "viewer",
                                ConfigFile.writeSecret(secrets.resolve("viewer.token"), viewerToken)))));
        // the dump-worker's warm-up only shortens the first capture after a start; these tests need none, and every
        // start and restart of a worker would pay it (compose-smoke and the dump-worker's own tests keep it on)
        Path quickStart = Files.writeString(workDir.resolve("quick-start.yml"), """
                bulwark:
                  dump-worker:
                    warm-up: false
                """);
        stack = Stack.start(new Stack.Settings(
                workDir,
                home,
                false,
                state,
                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                List.of(tokens, quickStart),
                Duration.ofMinutes(5),
                System.out));
        List<ConfigFile.Target> targets = new ArrayList<>(List.of(
                new ConfigFile.Target(
                        "chinook",
                        state.withDatabase(sourceDb).toDatabaseLocation(),
                        ConfigFile.writeSecret(secrets.resolve("chinook.password"), targetPassword)),
                new ConfigFile.Target("flawed", state.withDatabase(flawedDb).toDatabaseLocation(), null),
                // the dashboard's own target (ConsoleIT): Chinook again, so that its health and its backups
                // are those of the dashboard's tests alone
                new ConfigFile.Target("console", state.withDatabase(sourceDb).toDatabaseLocation(), null),
                new ConfigFile.Target("hostile", state.withDatabase(hostileDb).toDatabaseLocation(), null),
                new ConfigFile.Target(
                        "chinook_mariadb",
                        new DatabaseLocation(
                                DatabaseLocation.Engine.MARIADB,
                                "127.0.0.1",
                                3306,
                                mariadbDb,
                                mariadbUser,
                                mariadbPassword),
                        ConfigFile.writeSecret(secrets.resolve("chinook_mariadb.password"), mariadbPassword))));
        SCALE_TARGETS.forEach(id -> targets.add(
                new ConfigFile.Target(id, state.withDatabase(sourceDb).toDatabaseLocation(), null)));
        stack.startServices(
                targets,
                List.of(
                        new ConfigFile.Destination(
                                DESTINATION,
                                DatabaseLocation.Engine.POSTGRESQL,
                                pg.host(),
                                pg.port(),
                                pg.username(),
                                null),
                        new ConfigFile.Destination(
                                MARIADB_DESTINATION,
                                DatabaseLocation.Engine.MARIADB,
                                "127.0.0.1",
                                3306,
                                "root",
                                null)));
    }

    /**
     * The first ids {@code <prefix><n>} ({@code n} from 0) that fall on each of {@code partitions} partitions under
     * Kafka's default partitioner (murmur2 of the key, as the scheduler keys requests by target id), in partition
     * order.
     */
    static List<String> onePerPartition(String prefix, int partitions) {
        String[] byPartition = new String[partitions];
        int found = 0;
        for (int n = 0; found < partitions; n++) {
            String id = prefix + n;
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (byPartition[partition] == null) {
                byPartition[partition] = id;
                found++;
            }
        }
        return List.of(byPartition);
    }

    private static void runScript(Path home, String script, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", home.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(script + ": " + out).isZero();
    }

    Stack stack() {
        return stack;
    }

    /** The stack's work folder: service logs, Kafka's log segments, the configuration and its secrets. */
    Path workDir() {
        return workDir;
    }

    /** The folder the hostile source's escapes write into; it must stay empty. */
    Path escapeDir() {
        return escapeDir;
    }

    /** The {@code chinook} target's database on the machine's PostgreSQL. */
    String sourceDb() {
        return sourceDb;
    }

    /** The {@code flawed} target's database on the machine's PostgreSQL. */
    String flawedDb() {
        return flawedDb;
    }

    /** The {@code chinook_mariadb} target's database on the machine's MariaDB. */
    String mariadbDb() {
        return mariadbDb;
    }

    /**
     * Every secret the stack was configured with, by what it is: none may appear outside the configuration.
     *
     * @throws IOException when a password file cannot be read
     */
    Map<String, String> configuredSecrets() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the PostgreSQL target's password", targetPassword);
        secrets.put("the MariaDB target's password", mariadbPassword);
        secrets.put("the object store's secret key", stack.s3().secretKey());
        secrets.put("the admin's API token", stack.adminToken());
        secrets.put("the viewer's API token", viewerToken);
        secrets.put(
                "the dump-worker's Kafka password",
                Files.readString(stack.kafkaPasswordFile(BulwarkService.DUMP_WORKER.module()))
                        .strip());
        secrets.put(
                "Kafka's admin password",
                Files.readString(stack.kafkaPasswordFile("admin")).strip());
        return secrets;
    }

    /**
     * Polls the scheduler until the backup reached one of {@link SchedulerClient#FINAL_STATES} or {@code timeout}
     * passed.
     *
     * @return the last state seen (not final when the timeout passed)
     * @throws AssertionError when the scheduler never showed the backup
     */
    SchedulerClient.BackupStatus awaitFinal(UUID backupId, Duration timeout) {
        return stack.schedulerClient()
                .await(backupId, SchedulerClient.FINAL_STATES, timeout)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + backupId));
    }

    /**
     * The keys of every object under {@code prefix} in the stack's bucket ({@code ""} for all of them).
     *
     * @throws Exception when the object store cannot be listed
     */
    List<String> objectsUnder(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> r : stack.s3Client()
                .listObjects(ListObjectsArgs.builder()
                        .bucket(Stack.BUCKET)
                        .prefix(prefix)
                        .recursive(true)
                        .build())) {
            keys.add(r.get().objectName());
        }
        return keys;
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
        restoredPostgres.forEach(this::dropAnyName);
        restoredMariaDb.forEach(db -> quietly(() -> mariadb.drop(db)));
        if (webhook != null) {
            webhook.stop(0);
        }
        for (String db : new String[] {stateDb, sourceDb, flawedDb, hostileDb}) {
            if (db != null) {
                quietly(() -> pg.drop(db));
            }
        }
        if (mariadbDb != null) {
            quietly(() -> mariadb.drop(mariadbDb));
        }
        if (mariadbUser != null) {
            quietly(() -> mariadb.dropUser(mariadbUser));
        }
        WorkFolders.delete(workDir);
        WorkFolders.delete(escapeDir);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("end-to-end clean-up: " + e.getMessage());
        }
    }

    /** Drops a database whatever its name (a restore's default name has capitals), terminating its sessions. */
    private void dropAnyName(String database) {
        try (Connection c = pg.connect("postgres");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + database.replace("\"", "\"\"") + "\" WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("cannot drop database " + database + ": " + e.getMessage());
        }
    }
}
