package io.bulwark.localstack;

import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaAccessControl;
import io.bulwark.embedded.KafkaAuthentication;
import io.bulwark.embedded.KafkaKraftBroker;
import io.bulwark.embedded.ServiceTopics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The local stack's Kafka broker, always with authentication and authorization: every service connects as its own
 * SCRAM-SHA-512 user ({@link ServiceTopics#user()}, the module name) and may write only its own topics ({@link
 * KafkaAccessControl}); the {@code admin} user is the broker's super user, for the stack's own tools and tests.
 * Passwords are random (32 bytes, base64url), written once to 0600 files {@code secrets/kafka/<user>.password} of the
 * work folder and reused on the next start (the broker's data keeps the admin password it was formatted with). The
 * services receive the file's path ({@code --bulwark.kafka.password-file}), never the password. Every event topic
 * and its dead-letter topic are created up front with {@link #PARTITIONS} partitions (an existing one with fewer is
 * grown), so that no service needs more than its grants. Not thread-safe.
 */
final class StackKafka implements AutoCloseable {

    /** The super user's name. */
    static final String ADMIN = "admin";

    /**
     * Partitions of every topic, as the services' binders ask for ({@code min-partition-count}); a topic of an older
     * work folder with fewer is grown to this many at start.
     */
    static final int PARTITIONS = KafkaKraftBroker.DEFAULT_PARTITIONS;

    /** How many times describing the topics is tried before the start fails. */
    private static final int DESCRIBE_ATTEMPTS = 60;

    /** The pause between two attempts at describing the topics, in milliseconds. */
    private static final long DESCRIBE_RETRY_MILLIS = 500;

    private final KafkaKraftBroker broker;
    private final Map<String, Path> passwordFiles;

    private StackKafka(KafkaKraftBroker broker, Map<String, Path> passwordFiles) {
        this.broker = broker;
        this.passwordFiles = passwordFiles;
    }

    /**
     * Starts the broker with its data in {@code work/kafka}, the users' passwords in {@code work/secrets/kafka}, the
     * services' ACLs granted and the topics created.
     *
     * <p>A {@code kafka} folder from a stack that ran without authentication (it has no admin password file) cannot
     * take the admin's credential, which is written when the storage is formatted: it is moved aside to {@code
     * kafka.open-<epoch seconds>} (its events are kept there, not replayed) and a new one is formatted.
     *
     * @param work the stack's work folder
     * @param port the client port on 127.0.0.1, 0 for a free one
     * @param out where a moved folder is reported
     * @return the running broker
     * @throws UncheckedIOException when a password file cannot be read or written
     * @throws IllegalStateException when the broker does not start, or refuses the ACLs or topics
     */
    static StackKafka start(Path work, int port, java.io.PrintStream out) {
        Path secrets = work.resolve("secrets").resolve("kafka");
        moveAsideAnOpenFolder(work.resolve("kafka"), secrets.resolve(ADMIN + ".password"), out);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(ADMIN, secrets.resolve(ADMIN + ".password"));
        ServiceTopics.ALL.forEach(s -> files.put(s.user(), secrets.resolve(s.user() + ".password")));
        Map<String, String> passwords = new LinkedHashMap<>();
        files.forEach((user, file) -> passwords.put(user, password(file)));
        Map<String, String> users = new LinkedHashMap<>(passwords);
        String adminPassword = users.remove(ADMIN);
        KafkaKraftBroker broker = KafkaKraftBroker.start(
                work.resolve("kafka"), port, new KafkaAuthentication(ADMIN, adminPassword, users));
        try {
            prepare(broker);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new StackKafka(broker, Map.copyOf(files));
    }

    /** The bootstrap servers, e.g. {@code 127.0.0.1:9092}. */
    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The admin user's client properties ({@code security.protocol}, {@code sasl.*}) for the stack's tools. */
    Map<String, Object> adminClientProperties() {
        return broker.adminClientProperties();
    }

    /** The file holding {@code user}'s password ({@link #ADMIN} or a service's module name). */
    Path passwordFile(String user) {
        Path file = passwordFiles.get(user);
        if (file == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return file;
    }

    /**
     * The arguments that make {@code service} connect to this broker as its own user: bootstrap servers, {@code
     * bulwark.kafka.username} and {@code bulwark.kafka.password-file}.
     */
    List<String> serviceArguments(BulwarkService service) {
        return List.of(
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.bootstrapServers(),
                "--bulwark.kafka.username=" + service.module(),
                "--bulwark.kafka.password-file=" + passwordFile(service.module()));
    }

    /** Stops the broker; its data and the password files stay. */
    @Override
    public void close() {
        broker.close();
    }

    private static void prepare(KafkaKraftBroker broker) {
        Map<String, Object> props = new HashMap<>(broker.adminClientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            KafkaAccessControl.grant(admin, ServiceTopics.ALL);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
                topics.add(new NewTopic(Topics.deadLetter(topic), PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).values().values().forEach(StackKafka::awaitCreated);
            grow(admin, topics.stream().map(NewTopic::name).toList());
        }
    }

    /**
     * Adds partitions to the topics of an older work folder that have fewer than {@link #PARTITIONS}. A topic created
     * a moment ago may not be in the answering broker's metadata yet ({@code UnknownTopicOrPartitionException}, a
     * retriable error in Kafka's protocol): describing is retried every {@value #DESCRIBE_RETRY_MILLIS} ms for up to
     * {@value #DESCRIBE_ATTEMPTS} attempts.
     *
     * @throws IllegalStateException when the topics cannot be described or grown within those attempts
     */
    private static void grow(Admin admin, List<String> names) {
        Retry retry = Retry.of(
                "describe-topics",
                RetryConfig.custom()
                        .maxAttempts(DESCRIBE_ATTEMPTS)
                        .waitDuration(Duration.ofMillis(DESCRIBE_RETRY_MILLIS))
                        .retryOnException(
                                e -> e instanceof ExecutionException ee && ee.getCause() instanceof RetriableException)
                        .build());
        try {
            Map<String, NewPartitions> more = new HashMap<>();
            Retry.decorateCheckedSupplier(
                            retry,
                            () -> admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS))
                    .get()
                    .forEach((name, description) -> {
                        if (description.partitions().size() < PARTITIONS) {
                            more.put(name, NewPartitions.increaseTo(PARTITIONS));
                        }
                    });
            if (!more.isEmpty()) {
                admin.createPartitions(more).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while growing Kafka topics", e);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot grow the Kafka topics to " + PARTITIONS + " partitions", e);
        }
    }

    private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create the Kafka topics: " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics within 30 s", e);
        }
    }

    private static void moveAsideAnOpenFolder(Path kafka, Path adminPasswordFile, java.io.PrintStream out) {
        if (Files.isRegularFile(kafka.resolve("meta.properties")) && !Files.exists(adminPasswordFile)) {
            Path aside =
                    kafka.resolveSibling("kafka.open-" + java.time.Instant.now().getEpochSecond());
            try {
                Files.move(kafka, aside);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + kafka + " aside", e);
            }
            out.println("Kafka's data in " + kafka + " was made without authentication; moved to " + aside
                    + ", a new broker with SCRAM users starts");
        }
    }

    private static String password(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (existing.matches("[A-Za-z0-9_-]+")) {
                    return existing;
                }
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ConfigFile.writeSecret(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
