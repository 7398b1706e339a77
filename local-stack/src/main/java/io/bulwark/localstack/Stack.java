package io.bulwark.localstack;

import io.bulwark.embedded.FreePorts;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.process.ProcessRunner;
import io.minio.MinioClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole Bulwark stack on one machine: a Kafka broker (KRaft) and an S3 server (S3Proxy on a folder) in this JVM,
 * PostgreSQL for the services' state (a given server, or a local instance started from the machine's binaries), and
 * the five services as child JVMs. Starts in two steps: {@link #start} brings up the infrastructure, so that the caller
 * can prepare source databases on it; {@link #startServices} writes the shared configuration file and starts the
 * services; {@link #kill} and {@link #restart} crash and restart one of them; {@link #stopKafka}, {@link #startKafka},
 * {@link #stopObjectStore} and {@link #startObjectStore} make an outage of the broker or the object store. {@link
 * #close()} tears everything down in reverse order. Not thread-safe.
 */
public final class Stack implements AutoCloseable {

    /** The bucket holding every artifact. */
    public static final String BUCKET = "bulwark";

    /** The file in the working folder holding the admin's API token, made at every {@link #startServices}. */
    public static final String ADMIN_TOKEN_FILE = "admin.token";

    /** The database holding the services' state on a local PostgreSQL instance. */
    public static final String STATE_DATABASE = "bulwark";

    /** The options every service JVM starts with: a 256 MB heap, quick start-up, little memory beside the heap. */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED");

    /**
     * How to run the stack.
     *
     * @param workDir folder for {@code kafka/}, {@code s3/}, {@code pg/}, {@code logs/}, {@code secrets/} and {@code
     *     bulwark.yml}; created if missing
     * @param home the repository root holding {@code <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar}
     * @param persistent true keeps Kafka, S3 and PostgreSQL data across restarts and prefers the default ports (Kafka
     *     9092, S3 9000, PostgreSQL 5433, services 8080-8084) when they are free; false uses fresh data and free ports
     * @param statePostgres the server and database for the services' state, or {@code null} to start a local instance
     * @param webhookUrl the notifier's webhook, or {@code null}
     * @param extraConfig further configuration files appended (optionally) to the services' config locations
     * @param serviceStartTimeout how long the services may take to report UP
     * @param out where progress is printed
     */
    public record Settings(
            Path workDir,
            Path home,
            boolean persistent,
            PostgresLocation statePostgres,
            String webhookUrl,
            List<Path> extraConfig,
            Duration serviceStartTimeout,
            PrintStream out) {

        public Settings {
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(home, "home");
            extraConfig = extraConfig == null ? List.of() : List.copyOf(extraConfig);
            serviceStartTimeout = serviceStartTimeout == null ? Duration.ofMinutes(4) : serviceStartTimeout;
            out = out == null ? System.out : out;
        }
    }

    private final Settings settings;
    private final Deque<AutoCloseable> closers = new ArrayDeque<>();
    private final Map<BulwarkService, ServiceProcess> services = new EnumMap<>(BulwarkService.class);
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private final Deque<Runnable> beforeInfrastructureStops = new ArrayDeque<>();
    private StackKafka kafka;
    private S3ProxyServer s3;
    private LocalPostgresInstance localPostgres;
    private PostgresLocation statePostgres;
    private PostgresDatabases databases;
    /** The id of the local stack's manifest signing key. */
    static final String MANIFEST_KEY_ID = "local";

    private Path configFile;
    private String configLocations;
    private Path manifestKeyFile;
    private String adminToken;

    private Stack(Settings settings) {
        this.settings = settings;
    }

    /**
     * Checks that every service jar exists.
     *
     * @param home the repository root
     * @return the missing jars, empty when all are there
     */
    public static List<Path> missingJars(Path home) {
        List<Path> missing = new ArrayList<>();
        for (BulwarkService s : BulwarkService.values()) {
            if (!Files.isRegularFile(s.jar(home))) {
                missing.add(s.jar(home));
            }
        }
        return missing;
    }

    /**
     * Checks that every service jar exists and, when one is missing, tells {@code err} which and how to build them.
     *
     * @param home the repository root
     * @param err where to print what is missing
     * @return true when every jar is there
     */
    public static boolean jarsPresent(Path home, PrintStream err) {
        List<Path> missing = missingJars(home);
        if (!missing.isEmpty()) {
            err.println("ERROR: service jars missing under " + home + ": " + missing);
            err.println("Build them with ./mvnw -B -DskipTests install (./bulwark does it), or pass --home.");
        }
        return missing.isEmpty();
    }

    /**
     * Starts Kafka, the S3 server and (unless a server is given) a local PostgreSQL instance.
     *
     * @param settings how to run
     * @return the stack with its infrastructure running and no services yet
     * @throws IllegalStateException when a component does not start; whatever started is stopped again
     */
    public static Stack start(Settings settings) {
        Stack stack = new Stack(settings);
        try {
            stack.startInfrastructure();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        Path work = settings.workDir().toAbsolutePath();
        createTraversableDirectory(work);
        PrintStream out = settings.out();

        out.println("Starting Kafka (KRaft, SCRAM users and ACLs in " + work.resolve("secrets/kafka") + ") ...");
        kafka = StackKafka.start(work, preferredPort(9092), out);
        closers.push(() -> kafka.close());

        out.println("Starting the S3 server (S3Proxy on " + work.resolve("s3") + ") ...");
        String[] keys = s3Keys(work);
        s3 = S3ProxyServer.start(work.resolve("s3"), BUCKET, keys[0], keys[1], preferredPort(9000));
        closers.push(() -> s3.close());

        if (settings.statePostgres() != null) {
            statePostgres = settings.statePostgres();
            out.println("Using PostgreSQL " + statePostgres.displayUrl() + " for the services' state");
        } else {
            out.println("Starting a local PostgreSQL instance ...");
            ProcessRunner runner = new ProcessRunner();
            Path pg = work.resolve("pg");
            createTraversableDirectory(pg);
            if (settings.persistent()) {
                localPostgres = LocalPostgresInstance.start(
                        pg.resolve("data"),
                        LocalPostgresInstance.Options.persistent().withPort(preferredPort(5433)),
                        runner);
            } else {
                localPostgres = LocalPostgresInstance.startSandbox(pg, LocalPostgresInstance.Options.sandbox(), runner);
            }
            closers.push(localPostgres);
            statePostgres = new PostgresLocation(
                    localPostgres.host(),
                    localPostgres.port(),
                    STATE_DATABASE,
                    localPostgres.username(),
                    localPostgres.password());
        }
        databases = new PostgresDatabases(
                statePostgres.host(), statePostgres.port(), statePostgres.username(), statePostgres.password());
        if (localPostgres != null && !databases.exists(STATE_DATABASE)) {
            databases.create(STATE_DATABASE);
        }
    }

    /**
     * Writes the shared configuration file and starts the five services, waiting until each reports UP.
     *
     * @param targets the targets to declare
     * @throws IllegalStateException when a jar is missing or a service exits or is not UP in time; the message names
     *     the service and its log file and ends with the log's tail
     */
    public void startServices(List<ConfigFile.Target> targets) {
        startServices(targets, List.of());
    }

    /**
     * Writes the shared configuration file and starts the five services, waiting until each reports UP.
     *
     * @param targets the targets to declare
     * @param destinations the servers restores may write to ({@code bulwark.restore.destinations}), none is fine
     * @throws IllegalStateException when a jar is missing or a service exits or is not UP in time; the message names
     *     the service and its log file and ends with the log's tail
     */
    public void startServices(List<ConfigFile.Target> targets, List<ConfigFile.Destination> destinations) {
        startServices(targets, destinations, EnumSet.allOf(BulwarkService.class));
    }

    /**
     * Writes the shared configuration file and starts some of the services, waiting until each reports UP: a test
     * that needs no retention or notifier spares the machine their start.
     *
     * @param targets the targets to declare
     * @param destinations the servers restores may write to ({@code bulwark.restore.destinations}), none is fine
     * @param only the services to start
     * @throws IllegalStateException when a jar is missing or a service exits or is not UP in time; the message names
     *     the service and its log file and ends with the log's tail
     */
    public void startServices(
            List<ConfigFile.Target> targets, List<ConfigFile.Destination> destinations, Set<BulwarkService> only) {
        List<Path> missing = missingJars(settings.home());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "service jars missing (build them with ./mvnw -B -DskipTests install): " + missing);
        }
        Path work = settings.workDir().toAbsolutePath();
        configFile = ConfigFile.write(
                work.resolve("bulwark.yml"),
                new ConfigFile.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket(), s3.region()),
                targets,
                destinations,
                settings.webhookUrl(),
                List.of());
        Path tokenFile = work.resolve(ADMIN_TOKEN_FILE);
        adminToken = ApiToken.readOrCreate(tokenFile, settings.persistent());
        Path securityFile = ConfigFile.writeSecret(
                work.resolve("bulwark-security.yml"),
                ConfigFile.renderSecurity(List.of(new ConfigFile.ApiTokenEntry("local-admin", "admin", tokenFile))));
        settings.out()
                .println("Admin API token in " + tokenFile + " (mode 0600); send it as"
                        + " -H \"Authorization: Bearer $(cat " + tokenFile + ")\"");
        StringBuilder locations = new StringBuilder("file:" + configFile + ",file:" + securityFile);
        for (Path extra : settings.extraConfig()) {
            locations.append(",optional:file:").append(extra.toAbsolutePath());
        }
        configLocations = locations.toString();
        manifestKeyFile = manifestKey(work);
        settings.out().println("Starting the services (logs in " + work.resolve("logs") + ") ...");
        for (BulwarkService s : BulwarkService.values()) {
            if (only.contains(s)) {
                services.put(s, launch(s, preferredPort(s.defaultPort())));
            }
        }
        awaitHealthy(List.copyOf(services.values()));
    }

    /**
     * Kills a running service at once with SIGKILL, as a crash would ({@link ServiceProcess#kill()}); {@link
     * #restart} starts it again.
     *
     * @param service the service to kill
     * @return the processes it had started, each dead on return
     * @throws IllegalStateException when the service is not running
     */
    public List<ProcessHandle> kill(BulwarkService service) {
        ServiceProcess p = services.get(service);
        if (p == null) {
            throw new IllegalStateException(service.module() + " is not running");
        }
        return p.kill();
    }

    /**
     * Stops a running service as an operator would (SIGTERM, SIGKILL after the grace period; {@link
     * ServiceProcess#close()}): its consumers leave their groups, so the others take over their partitions at once.
     * {@link #restart} starts it again.
     *
     * @param service the service to stop
     * @throws IllegalStateException when the service was never started
     */
    public void stop(BulwarkService service) {
        ServiceProcess p = services.get(service);
        if (p == null) {
            throw new IllegalStateException(service.module() + " was never started");
        }
        p.close();
    }

    /**
     * Starts a service again, on its port and with the same configuration, after it was killed or exited; stops it
     * first (SIGTERM) when it still runs. Its output is appended to the same log file. Waits until it reports UP.
     *
     * @param service the service to restart
     * @return the new process
     * @throws IllegalStateException when the services were never started, or the service exits or is not UP in time
     */
    public ServiceProcess restart(BulwarkService service) {
        ServiceProcess old = services.get(service);
        if (old == null || configLocations == null) {
            throw new IllegalStateException(service.module() + " was never started");
        }
        old.close();
        ServiceProcess process = launch(service, old.port());
        services.put(service, process);
        awaitHealthy(List.of(process));
        return process;
    }

    /**
     * Starts one more instance of a running service, with the same configuration and consumer groups, on a free port,
     * and waits until it reports UP: the instances share the partitions of each topic, as more dump-workers or
     * verifiers would on more machines. Its log is {@code logs/<module>-<name>.log}; {@link #close()} stops it.
     *
     * @param service the service, e.g. {@link BulwarkService#DUMP_WORKER} or {@link BulwarkService#VERIFIER}
     * @param name what tells this instance apart, e.g. {@code 2}
     * @return the running instance
     * @throws IllegalStateException when the services were never started, or the instance exits or is not UP in time
     */
    public ServiceProcess startInstance(BulwarkService service, String name) {
        if (configLocations == null || services.get(service) == null) {
            throw new IllegalStateException(service.module() + " was never started");
        }
        ServiceProcess process = launch(service, FreePorts.next(), service.module() + "-" + name + ".log");
        extraInstances.add(process);
        awaitHealthy(List.of(process));
        return process;
    }

    /** The instances {@link #startInstance} started, in order. */
    public List<ServiceProcess> extraInstances() {
        return List.copyOf(extraInstances);
    }

    private ServiceProcess launch(BulwarkService s, int port) {
        return launch(s, port, s.module() + ".log");
    }

    private ServiceProcess launch(BulwarkService s, int port, String logName) {
        List<String> args = new ArrayList<>(
                List.of("--spring.config.additional-location=" + configLocations, "--server.port=" + port));
        args.addAll(kafka.serviceArguments(s));
        if ((s == BulwarkService.DUMP_WORKER || s == BulwarkService.VERIFIER) && manifestKeyFile != null) {
            // only the services that sign and check manifests get the key; its path is no secret
            args.add("--bulwark.manifest-signing.key-id=" + MANIFEST_KEY_ID);
            args.add("--bulwark.manifest-signing.key-file=" + manifestKeyFile);
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (s.usesDatabase()) {
            args.add("--spring.datasource.url=" + statePostgres.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", statePostgres.username());
            env.put("SPRING_DATASOURCE_PASSWORD", statePostgres.password() == null ? "" : statePostgres.password());
        }
        Path logs = settings.workDir().toAbsolutePath().resolve("logs");
        return ServiceProcess.start(
                s, javaExecutable(), s.jar(settings.home()), JVM_OPTIONS, args, env, port, logs.resolve(logName));
    }

    private void awaitHealthy(List<ServiceProcess> processes) {
        long deadline = System.nanoTime() + settings.serviceStartTimeout().toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(processes);
        while (!waiting.isEmpty()) {
            for (ServiceProcess p : List.copyOf(waiting)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(p.service().module() + " exited during start-up; log " + p.logFile()
                            + ":\n" + p.logTail(6000));
                }
                if (p.isHealthy()) {
                    settings.out().println("  " + p.service().module() + " is UP on " + p.baseUrl());
                    waiting.remove(p);
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    ServiceProcess first = waiting.getFirst();
                    throw new IllegalStateException("not UP within " + settings.serviceStartTimeout() + ": "
                            + waiting.stream().map(p -> p.service().module()).toList() + "; log " + first.logFile()
                            + ":\n" + first.logTail(6000));
                }
                sleep(500);
            }
        }
    }

    /**
     * Stops the Kafka broker, as a broker outage would; the services keep running and {@link #startKafka} starts it
     * again. Its data folder and the users' password files stay.
     */
    public void stopKafka() {
        kafka.close();
    }

    /**
     * Starts the Kafka broker again after {@link #stopKafka}, on the same port with the same data folder, users and
     * ACLs, so that the running services reconnect to it; waits until it takes requests.
     *
     * @throws IllegalStateException when the broker does not start (e.g. its port was taken meanwhile)
     */
    public void startKafka() {
        String bootstrap = kafka.bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        kafka = StackKafka.start(settings.workDir().toAbsolutePath(), port, settings.out());
    }

    /**
     * Stops the S3 server, as an object-store outage would; the services keep running and {@link #startObjectStore}
     * starts it again. Its folder and objects stay.
     */
    public void stopObjectStore() {
        s3.close();
    }

    /**
     * Starts the S3 server again after {@link #stopObjectStore}, on the same port, folder and keys.
     *
     * @throws IllegalStateException when the server does not start within 30 s (e.g. its port was taken meanwhile)
     */
    public void startObjectStore() {
        s3 = S3ProxyServer.start(
                settings.workDir().toAbsolutePath().resolve("s3"), BUCKET, s3.accessKey(), s3.secretKey(), s3.port());
    }

    /** Kafka's bootstrap servers. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * The client properties ({@code security.protocol}, {@code sasl.*}) of Kafka's admin user, a super user, for the
     * stack's tools and tests; the services connect as their own users.
     */
    public Map<String, Object> kafkaAdminProperties() {
        return kafka.adminClientProperties();
    }

    /** The 0600 file holding the password of Kafka user {@code user} ({@code admin} or a service's module name). */
    public Path kafkaPasswordFile(String user) {
        return kafka.passwordFile(user);
    }

    /** The S3 server. */
    public S3ProxyServer s3() {
        return s3;
    }

    /** A MinIO client for the S3 server. */
    public MinioClient s3Client() {
        return MinioClient.builder()
                .endpoint(s3.endpoint())
                .region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey())
                .build();
    }

    /** The PostgreSQL server and database holding the services' state. */
    public PostgresLocation statePostgres() {
        return statePostgres;
    }

    /** Helpers for databases on the state PostgreSQL server (create, drop, load Chinook). */
    public PostgresDatabases databases() {
        return databases;
    }

    /** True when PostgreSQL is a local instance this stack started. */
    public boolean hasLocalPostgres() {
        return localPostgres != null;
    }

    /** A running service, or {@code null} before {@link #startServices}. */
    public ServiceProcess service(BulwarkService service) {
        return services.get(service);
    }

    /** {@code http://127.0.0.1:<port>} of the scheduler's REST API. */
    public String schedulerUrl() {
        return services.get(BulwarkService.SCHEDULER).baseUrl();
    }

    /**
     * A client of the scheduler's REST API that sends the admin token.
     *
     * @throws IllegalStateException before {@link #startServices}
     */
    public SchedulerClient schedulerClient() {
        if (adminToken == null || services.get(BulwarkService.SCHEDULER) == null) {
            throw new IllegalStateException("the scheduler was not started");
        }
        return new SchedulerClient(schedulerUrl(), adminToken);
    }

    /** The admin's API token ({@value #ADMIN_TOKEN_FILE}), or {@code null} before {@link #startServices}. */
    public String adminToken() {
        return adminToken;
    }

    /** The file (mode 0600) holding the admin's API token. */
    public Path adminTokenFile() {
        return workDir().resolve(ADMIN_TOKEN_FILE);
    }

    /** The shared configuration file, or {@code null} before {@link #startServices}. */
    public Path configFile() {
        return configFile;
    }

    /** The folder holding the stack's data and logs. */
    public Path workDir() {
        return settings.workDir().toAbsolutePath();
    }

    /**
     * Registers an action to run at {@link #close()} after the services stopped and before PostgreSQL, S3 and Kafka
     * stop, e.g. dropping a database made for this run. Actions run in reverse order of registration.
     */
    public void beforeInfrastructureStops(Runnable action) {
        beforeInfrastructureStops.push(action);
    }

    /** Stops the services, runs the registered actions, then stops PostgreSQL (if local), S3 and Kafka. */
    @Override
    public synchronized void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.addAll(extraInstances);
        services.clear();
        extraInstances.clear();
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess p : running) {
            stoppers.add(
                    Thread.ofPlatform().name("stop-" + p.service().module()).start(p::close));
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (!beforeInfrastructureStops.isEmpty()) {
            try {
                beforeInfrastructureStops.pop().run();
            } catch (RuntimeException e) {
                settings.out().println("warning: " + e.getMessage());
            }
        }
        while (!closers.isEmpty()) {
            try {
                closers.pop().close();
            } catch (Exception e) {
                settings.out().println("warning: " + e.getMessage());
            }
        }
    }

    /** The {@code java} executable running this JVM. */
    public static Path javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .filter(Files::isExecutable)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private int preferredPort(int preferred) {
        if (settings.persistent() && isFree(preferred)) {
            return preferred;
        }
        return FreePorts.next();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The manifest signing key file ({@code secrets/manifest-signing.key}, mode 0600): 32 random bytes as hex, made
     * anew at each start unless the stack is persistent and the file exists.
     */
    private Path manifestKey(Path work) {
        Path file = work.resolve("secrets").resolve("manifest-signing.key");
        if (!(settings.persistent() && Files.isRegularFile(file))) {
            ConfigFile.writeSecret(file, random(32) + "\n");
        }
        return file;
    }

    /**
     * The file holding the key the dump-worker signs manifests with and the verifier checks them with ({@code
     * bulwark.manifest-signing.key-file}; {@code ./bulwark restore --manifest-key}); null before {@link
     * #startServices}.
     */
    public Path manifestKeyFile() {
        return manifestKeyFile;
    }

    private String[] s3Keys(Path work) {
        Path file = work.resolve("secrets").resolve("s3-keys");
        try {
            if (settings.persistent() && Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    return new String[] {lines.get(0), lines.get(1)};
                }
            }
            String[] keys = {"bulwark", random(20)};
            ConfigFile.writeSecret(file, keys[0] + "\n" + keys[1] + "\n");
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Creates a directory that other OS users may traverse (mode 0755), as PostgreSQL runs as its own user. */
    static void createTraversableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
