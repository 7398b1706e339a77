package io.bulwark.retention.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.service.storage.StorageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class RetentionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RetentionProperties.class, StorageProperties.class})
    static class Props {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Props.class)
            .withPropertyValues(
                    "bulwark.storage.endpoint=http://127.0.0.1:9000",
                    "bulwark.storage.access-key=bulwark",
                    "bulwark.storage.secret-key=very-secret",
                    "bulwark.storage.bucket=bulwark");

    @Test
    void perTargetKeepLastOverridesTheDefaultOfSeven() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.retention.keep-last=3",
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *",
                        "bulwark.targets.chinook.rpo=PT25H",
                        "bulwark.targets.chinook.rto=30m",
                        "bulwark.targets.sakila.host=127.0.0.1")
                .run(context -> {
                    RetentionProperties props = context.getBean(RetentionProperties.class);
                    assertThat(props.forTarget("chinook").name()).isEqualTo("keep-last=3");
                    assertThat(props.forTarget("sakila").name()).isEqualTo("keep-last=7");
                    assertThat(props.forTarget("unknown").name()).isEqualTo("keep-last=7");
                });
    }

    @Test
    void theDefaultIsConfigurable() {
        runner.withPropertyValues("bulwark.retention.default-keep-last=14")
                .run(context -> assertThat(context.getBean(RetentionProperties.class)
                                .forTarget("chinook")
                                .name())
                        .isEqualTo("keep-last=14"));
    }

    @Test
    void gfsKeysDefaultsZonesAndScheduleRetentionsMakeTheTargetsPolicy() {
        runner.withPropertyValues(
                        "bulwark.retention.defaults.keep-weekly=4",
                        "bulwark.retention.defaults.keep-failed=3d",
                        "bulwark.retention.defaults.zone=Europe/Berlin",
                        "bulwark.targets.chinook.retention.keep-daily=7",
                        "bulwark.targets.chinook.retention.keep-monthly=12",
                        "bulwark.targets.chinook.retention.keep-within=36h",
                        "bulwark.targets.chinook.retention.keep-manual=90d",
                        "bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *",
                        "bulwark.targets.chinook.schedules.weekly.cron=0 3 * * SUN",
                        "bulwark.targets.chinook.schedules.weekly.tier=WEEKLY",
                        "bulwark.targets.chinook.schedules.weekly.retention=30d",
                        "bulwark.targets.chinook.schedules.audit.label=audit-copy",
                        "bulwark.targets.chinook.schedules.audit.retention=400d",
                        "bulwark.targets.sakila.zone=America/New_York")
                .run(context -> {
                    RetentionProperties props = context.getBean(RetentionProperties.class);
                    assertThat(props.forTarget("chinook").name())
                            .isEqualTo("keep-daily=7 keep-weekly=4 keep-monthly=12 keep-within=36h keep-failed=3d"
                                    + " keep-manual=90d zone=Europe/Berlin schedule.audit=400d schedule.weekly=30d");
                    assertThat(props.forTarget("chinook").schedules())
                            .extracting(s -> s.label() + "=" + s.keep().toDays())
                            .containsExactlyInAnyOrder("weekly=30", "audit-copy=400");
                    assertThat(props.forTarget("sakila").name())
                            .as("the defaults set a keep rule: no default keep-last; the target's zone applies")
                            .isEqualTo("keep-weekly=4 keep-failed=3d zone=America/New_York");
                });
    }

    @Test
    void aTargetWithoutAnyKeepRuleFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("bulwark.targets.chinook.retention.keep-last=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.retention: no keep rule is set"));
        runner.withPropertyValues("bulwark.retention.default-keep-last=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.retention.defaults: no keep rule is set"));
    }

    @Test
    void aWrongZoneOrCountFailsStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.retention.zone=Mars/Olympus",
                        "bulwark.targets.sakila.retention.keep-daily=-1",
                        "bulwark.targets.sakila.schedules.weekly.retention=0s")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.retention.zone: 'Mars/Olympus'")
                        .hasMessageContaining("bulwark.targets.sakila.retention: keep-daily must not be negative"));
        runner.withPropertyValues("bulwark.targets.sakila.schedules.weekly.retention=0s")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "bulwark.targets.sakila.schedules.weekly.retention must be longer than 0"));
    }

    @Test
    void missingStorageSecretFailsStartUpAndIsNeverPrinted() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Props.class)
                .withPropertyValues("bulwark.storage.endpoint=http://127.0.0.1:9000", "bulwark.storage.bucket=b")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("secretKey"));
        runner.run(context ->
                assertThat(context.getBean(StorageProperties.class).toString()).doesNotContain("very-secret"));
    }
}
