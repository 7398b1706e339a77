package io.bulwark.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Topics;
import io.bulwark.testsupport.OpenApiSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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

    private static RetentionItComponents components;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException, SQLException {
        components = RetentionItComponents.start("metrics_retention_it_", registry);
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        if (components != null) {
            components.close();
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

        components.s3().close();

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
