package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.testsupport.OpenApiSnapshot;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler's API description ({@code /v3/api-docs}, open without a token) matches its checked-in copy {@code
 * docs/openapi/scheduler-service.json}; {@code -Dopenapi.update=true} rewrites the copy ({@link OpenApiSnapshot}).
 */
@SchedulerIntegrationTest
@TestPropertySource(properties = {"bulwark.targets.chinook.engine=postgresql"})
class OpenApiSnapshotIT {

    /** The regeneration command, named in the failure message. */
    static final String UPDATE_COMMAND = "./mvnw -B verify -pl scheduler-service,retention-service -am -Dtest=NONE"
            + " -Dit.test='OpenApiSnapshotIT' -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.update=true";

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("metrics_openapi_it_");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
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
}
