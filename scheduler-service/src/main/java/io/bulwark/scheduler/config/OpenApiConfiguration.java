package io.bulwark.scheduler.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): title, and the bearer
 * token every {@code /api} call needs, declared as the security scheme {@value #BEARER} and required by every
 * operation.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The name of the security scheme. */
    static final String BEARER = "bearer";

    /** The description's root: info, the bearer scheme and the global requirement. */
    @Bean
    public OpenAPI bulwarkOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Bulwark scheduler-service API")
                        .description(DESCRIPTION)
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token (bulwark.security.tokens) or an OIDC access"
                                                + " token; the role (viewer, operator, admin) decides which calls"
                                                + " it may make.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    private static final String DESCRIPTION =
            "Backups, restores, schedules, targets and statistics of the Bulwark backup suite. Errors are RFC 9457 problem responses.";
}
