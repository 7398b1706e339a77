package io.bulwark.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.scheduler.domain.DatabaseEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class RestorePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RestoreProperties.class, SchedulerProperties.class})
    static class PropertiesOnly {}

    @Test
    void bindsDestinationsWithEngineDefaultsAndTargetsConnectionSettings() {
        runner.withPropertyValues(
                        "bulwark.restore.destinations.staging.engine=postgresql",
                        "bulwark.restore.destinations.staging.host=db-staging.internal",
                        "bulwark.restore.destinations.staging.username=restore",
                        "bulwark.restore.destinations.staging.password-env=STAGING_PASSWORD",
                        "bulwark.restore.destinations.maria.engine=mariadb",
                        "bulwark.restore.destinations.maria.host=maria.internal",
                        "bulwark.restore.destinations.maria.port=3307",
                        "bulwark.restore.destinations.maria.username=root",
                        "bulwark.restore.destinations.maria.password-file=/run/secrets/maria",
                        "bulwark.restore.destinations.maria.maintenance-database=information_schema",
                        "bulwark.restore.timeout=6h",
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.host=127.0.0.1",
                        "bulwark.targets.chinook.database=chinook",
                        "bulwark.targets.chinook.username=postgres",
                        "bulwark.targets.chinook.password-env=CHINOOK_PASSWORD",
                        "bulwark.targets.shop.engine=mysql")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RestoreProperties restore = context.getBean(RestoreProperties.class);
                    RestoreProperties.Destination staging =
                            restore.destination("staging").orElseThrow();
                    assertThat(staging.databaseEngine()).isEqualTo(DatabaseEngine.POSTGRESQL);
                    assertThat(staging.effectivePort()).isEqualTo(5432);
                    assertThat(staging.effectiveMaintenanceDatabase()).isEqualTo("postgres");
                    assertThat(staging.passwordEnv()).isEqualTo("STAGING_PASSWORD");
                    RestoreProperties.Destination maria =
                            restore.destination("maria").orElseThrow();
                    assertThat(maria.effectivePort()).isEqualTo(3307);
                    assertThat(maria.effectiveMaintenanceDatabase()).isEqualTo("information_schema");
                    assertThat(maria.passwordFile()).isEqualTo("/run/secrets/maria");
                    assertThat(restore.destination("nowhere")).isEmpty();

                    SchedulerProperties targets = context.getBean(SchedulerProperties.class);
                    SchedulerProperties.Target chinook =
                            targets.target("chinook").orElseThrow();
                    assertThat(chinook.effectivePort()).isEqualTo(5432);
                    assertThat(chinook.database()).isEqualTo("chinook");
                    assertThat(chinook.passwordEnv()).isEqualTo("CHINOOK_PASSWORD");
                    SchedulerProperties.Target shop = targets.target("shop").orElseThrow();
                    assertThat(shop.databaseEngine()).contains(DatabaseEngine.MARIADB);
                    assertThat(shop.effectivePort()).isEqualTo(3306);
                });
    }

    @Test
    void noDestinationsIsFine() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RestoreProperties.class).destinations()).isEmpty();
        });
    }

    @Test
    void aWrongDestinationFailsStartUpNamingEveryWrongProperty() {
        runner.withPropertyValues(
                        "bulwark.restore.destinations.staging.engine=oracle",
                        "bulwark.restore.destinations.staging.port=70000",
                        "bulwark.restore.destinations.staging.maintenance-database= ",
                        "bulwark.restore.destinations[Bad Id].engine=postgresql",
                        "bulwark.restore.destinations[Bad Id].host=h",
                        "bulwark.restore.destinations[Bad Id].username=u")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.restore.destinations.staging.engine")
                        .hasMessageContaining("bulwark.restore.destinations.staging.host: is required")
                        .hasMessageContaining("bulwark.restore.destinations.staging.username: is required")
                        .hasMessageContaining("bulwark.restore.destinations.staging.port")
                        .hasMessageContaining("bulwark.restore.destinations.staging.maintenance-database")
                        .hasMessageContaining("bulwark.restore.destinations.Bad Id: destination id"));
    }

    @Test
    void aTargetWithAnUnknownEngineOrAPortOutOfRangeFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("bulwark.targets.chinook.engine=oracle", "bulwark.targets.chinook.port=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.engine")
                        .hasMessageContaining("bulwark.targets.chinook.port"));
    }
}
