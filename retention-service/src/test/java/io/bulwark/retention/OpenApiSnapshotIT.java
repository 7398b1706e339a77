package io.bulwark.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.testsupport.OpenApiSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The retention service's API description matches its checked-in copy {@code docs/openapi/retention-service.json}
 * ({@code -Dopenapi.update=true} rewrites it), and its readiness group names the database, the Kafka binder and the
 * object store, and goes DOWN when the object store stops answering. On a real KRaft broker, S3Proxy and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_VERIFIED, Topics.BACKUP_DELETED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenApiSnapshotIT {

    /** The regeneration command, named in the failure message. */
    static final String UPDATE_COMMAND = "./mvnw -B verify -pl scheduler-service,retention-service -am -Dtest=NONE"
            + " -Dit.test='OpenApiSnapshotIT' -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.update=true";

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE = "metrics_retention_it_"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private static Path s3Dir;
    private static S3ProxyServer s3;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException, SQLException {
        s3Dir = Files.createTempDirectory("metrics-retention-it-s3");
        s3 = S3ProxyServer.start(s3Dir, "bulwark");
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        registry.add("bulwark.storage.endpoint", s3::endpoint);
        registry.add("bulwark.storage.access-key", s3::accessKey);
        registry.add("bulwark.storage.secret-key", s3::secretKey);
        registry.add("bulwark.storage.bucket", s3::bucket);
        registry.add("bulwark.targets.chinook.engine", () -> "postgresql");
        registry.add("spring.cloud.stream.kafka.binder.min-partition-count", () -> "1");
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        if (s3 != null) {
            s3.close();
        }
        FileSystemUtils.deleteRecursively(s3Dir.toFile());
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void theApiDescriptionMatchesItsCheckedInCopy() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode docs = EventJson.mapper().readTree(response.body());
        assertThat(docs.get("components")
                        .get("securitySchemes")
                        .get("bearer")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");

        OpenApiSnapshot.assertMatches(
                response.body(), Path.of("..", "docs", "openapi", "retention-service.json"), UPDATE_COMMAND);
    }

    @Test
    void readinessNamesItsComponentsAndGoesDownWhenTheObjectStoreStopsAnswering() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> readiness = get("/actuator/health/readiness");
                    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
                    JsonNode components =
                            EventJson.mapper().readTree(readiness.body()).get("components");
                    assertThat(components.get("objectStore").get("status").asString())
                            .isEqualTo("UP");
                    assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
                    assertThat(components.has("binders")).as(readiness.body()).isTrue();
                });

        s3.close();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> readiness = get("/actuator/health/readiness");
                    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
                    JsonNode components =
                            EventJson.mapper().readTree(readiness.body()).get("components");
                    assertThat(components.get("objectStore").get("status").asString())
                            .isEqualTo("DOWN");
                });
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode())
                .as("an object store outage is no reason to restart the service")
                .isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
