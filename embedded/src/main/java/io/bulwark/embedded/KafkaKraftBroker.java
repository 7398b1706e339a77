package io.bulwark.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in this JVM: one node acting as broker and KRaft controller, listening on free ports of
 * 127.0.0.1, keeping its log and metadata in a given folder. The folder is formatted only when it holds no {@code
 * meta.properties} yet, so a broker restarted on the same folder keeps its topics, records and committed offsets.
 * Topics are created automatically on first use ({@value #DEFAULT_PARTITIONS} partitions, as the services' binders ask
 * for); internal topics have replication factor 1.
 * Logs are never flushed by message count (the OS page cache decides), which suits one machine, not a cluster.
 *
 * <p>Used by the local stack in production and by integration tests.
 */
public final class KafkaKraftBroker implements AutoCloseable {

    /**
     * Partitions of a topic the broker creates on first use ({@code num.partitions}): the services' binders' {@code
     * min-partition-count}, which bounds the busy consumer threads of a group (docs/operations.md, "Partitions").
     */
    public static final int DEFAULT_PARTITIONS = 12;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final KafkaAuthentication authentication;

    private KafkaKraftBroker(
            KafkaRaftServer server, String bootstrapServers, Path dataDir, KafkaAuthentication authentication) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.authentication = authentication;
    }

    /**
     * Starts a broker on free ports with its data in {@code dataDir}, formatting the folder first when it is new.
     *
     * @param dataDir folder for the broker's logs and metadata; created if missing, reused if already formatted
     * @return a broker that answers metadata requests
     * @throws IllegalStateException when the broker does not start or is not ready within 60 s
     */
    public static KafkaKraftBroker start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts a broker with its client listener on {@code port} (0 picks a free one), see {@link #start(Path)}. The
     * controller listener always takes a free port.
     *
     * @param dataDir folder for the broker's logs and metadata; created if missing, reused if already formatted
     * @param port TCP port on 127.0.0.1 for clients, or 0 for a free one
     * @return a broker that answers metadata requests
     * @throws java.io.UncheckedIOException when the folder cannot be created
     * @throws IllegalStateException when the storage cannot be formatted, or the broker does not start (e.g. the port
     *     is taken) or is not ready within 60 s
     */
    public static KafkaKraftBroker start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * Starts a broker that authenticates every connection, see {@link #start(Path, int)}: its client listener speaks
     * SASL_PLAINTEXT with SCRAM-SHA-512 (the users of {@code auth}), its controller listener SASL/PLAIN with the admin
     * user only, and {@code StandardAuthorizer} allows nothing but what an ACL grants ({@link KafkaAccessControl}); the
     * admin user is a super user. The admin's SCRAM credential is written when the storage is formatted (as {@code
     * kafka-storage format --add-scram} does), so a folder keeps the admin password it was formatted with; the other
     * users' credentials are created or replaced after every start, so users and passwords may change between starts.
     *
     * @param dataDir folder for the broker's logs and metadata; created if missing, reused if already formatted
     * @param port TCP port on 127.0.0.1 for clients, or 0 for a free one
     * @param auth the users, or {@code null} for an open PLAINTEXT broker
     * @return a broker that answers the admin user's metadata requests
     * @throws java.io.UncheckedIOException when the folder cannot be created
     * @throws IllegalArgumentException when the admin password has characters other than letters, digits, '-', '_'
     * @throws IllegalStateException when the storage cannot be formatted, the broker does not start or is not ready
     *     within 60 s (also when the admin password differs from the one the folder was formatted with), or the users'
     *     credentials cannot be written
     */
    public static KafkaKraftBroker start(Path dataDir, int port, KafkaAuthentication auth) {
        if (auth != null && !auth.adminPassword().matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("the Kafka admin password must be letters, digits, '-' or '_'");
        }
        QuietLogging.apply();
        Path dir;
        try {
            dir = Files.createDirectories(dataDir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data folder " + dataDir, e);
        }
        int brokerPort = port == 0 ? FreePorts.next() : port;
        int controllerPort = FreePorts.next();
        Map<String, Object> properties = properties(dir, brokerPort, controllerPort);
        if (auth != null) {
            properties.putAll(KafkaBrokerSecurity.brokerProperties(auth, brokerPort, controllerPort));
        }
        KafkaConfig config = new KafkaConfig(properties, false);
        if (!Files.exists(dir.resolve("meta.properties"))) {
            format(config, dir, auth);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = "127.0.0.1:" + brokerPort;
        try {
            server.startup();
            Map<String, Object> adminProperties = auth == null ? Map.of() : auth.adminClientProperties();
            awaitReady(bootstrap, adminProperties);
            if (auth != null) {
                KafkaBrokerSecurity.upsertUsers(bootstrap, auth);
            }
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new IllegalStateException("Kafka broker did not start on " + bootstrap + ": " + e.getMessage(), e);
        }
        return new KafkaKraftBroker(server, bootstrap, dir, auth);
    }

    /** The bootstrap servers clients connect to, e.g. {@code 127.0.0.1:39211}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The client properties of the admin user ({@code security.protocol}, {@code sasl.*}) to add to a client's
     * configuration, empty for an open broker.
     */
    public Map<String, Object> adminClientProperties() {
        return authentication == null ? Map.of() : authentication.adminClientProperties();
    }

    /** The folder holding the broker's logs and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits for it; the data folder stays. */
    @Override
    public void close() {
        shutdownQuietly(server);
    }

    private static Map<String, Object> properties(Path dir, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("metadata.log.dir", dir.toString());
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("server.max.startup.time.ms", String.valueOf(TimeUnit.MINUTES.toMillis(2)));
        return p;
    }

    private static void format(KafkaConfig config, Path dir, KafkaAuthentication auth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir.toString()))
                .setMetadataLogDirectory(dir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setIgnoreFormatted(true);
        if (auth != null) {
            formatter.setScramArguments(List.of(KafkaAuthentication.MECHANISM + "=[name=" + auth.adminUser()
                    + ",password=" + auth.adminPassword() + "]"));
        }
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot format Kafka storage in " + dir + ": " + e.getMessage() + " "
                            + out.toString(StandardCharsets.UTF_8),
                    e);
        }
    }

    private static void awaitReady(String bootstrap, Map<String, Object> clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(10, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker not ready within " + READY_TIMEOUT, notYet);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker not ready within " + READY_TIMEOUT);
                }
                sleep(200);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // best effort: the broker may have failed half-way through startup
        }
    }
}
