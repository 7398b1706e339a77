package io.bulwark.scheduler;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clients a {@link SchedulerIntegrationTest} talks to the application with: {@link #api} on its random port with
 * the admin's token, and {@link #topics} on the embedded broker, both made afresh before each test. A subclass keeps
 * its own static {@link SchedulerItDatabase} and {@code @DynamicPropertySource} method, and names its own
 * {@code @BeforeEach} methods differently from {@link #clients()} (which runs first).
 */
abstract class SchedulerItClients {

    /** How long a test waits for the application or a topic: 60 s. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    /** The REST API as an admin. */
    ApiClient api;

    /** The embedded broker's topics, waiting up to {@link #TIMEOUT}. */
    TopicClient topics;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
        topics = new TopicClient(brokers, TIMEOUT);
    }
}
