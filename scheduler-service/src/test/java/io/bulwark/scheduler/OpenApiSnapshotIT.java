package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.testsupport.OpenApiSnapshot;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler's API description ({@code /v3/api-docs}, open without a token) matches its checked-in copy {@code
 * docs/openapi/scheduler-service.json}; {@code -Dopenapi.update=true} rewrites the copy ({@link OpenApiSnapshot}).
 */
@ExtendWith(OpenApiSnapshotIT.DropDatabase.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "spring.cloud.stream.kafka.binder.min-partition-count=1",
            "bulwark.targets.chinook.engine=postgresql"
        })
@EmbeddedKafka(partitions = 1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenApiSnapshotIT {

    /** The regeneration command, named in the failure message. */
    static final String UPDATE_COMMAND = "./mvnw -B verify -pl scheduler-service,retention-service -am -Dtest=NONE"
            + " -Dit.test='OpenApiSnapshotIT' -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.update=true";

    private static final String PG =
            System.getenv().getOrDefault("BULWARK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DATABASE =
            "metrics_openapi_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        admin("create database " + DATABASE);
        registry.add("spring.datasource.url", () -> PG + DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        ApiClient.registerTokens(registry);
    }

    /** Drops the test database after Spring closed the application ({@code @DirtiesContext}). */
    static final class DropDatabase implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            admin("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void theApiDescriptionMatchesItsCheckedInCopy() {
        HttpResponse<String> response = new ApiClient(port, null).get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode docs = ApiClient.json(response);
        assertThat(docs.get("components")
                        .get("securitySchemes")
                        .get("bearer")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(docs.get("paths").has("/api/backups")).isTrue();

        OpenApiSnapshot.assertMatches(
                response.body(), Path.of("..", "docs", "openapi", "scheduler-service.json"), UPDATE_COMMAND);
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        HttpResponse<String> ui = new ApiClient(port, null).get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
