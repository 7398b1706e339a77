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
                    assertThat(props.forTarget("chinook").name()).isEqualTo("keepLast=3");
                    assertThat(props.forTarget("sakila").name()).isEqualTo("keepLast=7");
                    assertThat(props.forTarget("unknown").name()).isEqualTo("keepLast=7");
                });
    }

    @Test
    void theDefaultIsConfigurable() {
        runner.withPropertyValues("bulwark.retention.default-keep-last=14")
                .run(context -> assertThat(context.getBean(RetentionProperties.class)
                                .forTarget("chinook")
                                .name())
                        .isEqualTo("keepLast=14"));
    }

    @Test
    void keepLastBelowOneFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("bulwark.targets.chinook.retention.keep-last=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("targets[chinook].retention.keepLast"));
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
