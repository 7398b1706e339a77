package io.bulwark.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.ObjectStoreSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class StoragePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageProperties.class)
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
    void blankBucketFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("bulwark.storage.bucket= ")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.storage")
                        .hasMessageContaining("bucket"));
    }

    @Test
    void defaultsToUsEast1And16MibPartsAndNeverPrintsTheSecret() {
        runner.run(context -> {
            StorageProperties storage = context.getBean(StorageProperties.class);
            ObjectStoreSettings settings = storage.toSettings();
            assertThat(settings.region()).isEqualTo("us-east-1");
            assertThat(settings.partSizeBytes()).isEqualTo(ObjectStoreSettings.DEFAULT_PART_SIZE);
            assertThat(settings.secretKey()).isEqualTo("very-secret");
            assertThat(storage.toString()).contains("bucket=bulwark").doesNotContain("very-secret");
        });
    }

    @Test
    void partSizeIsBoundFromADataSize() {
        runner.withPropertyValues("bulwark.storage.part-size=5MB")
                .run(context -> assertThat(context.getBean(StorageProperties.class)
                                .toSettings()
                                .partSizeBytes())
                        .isEqualTo(5L * 1024 * 1024));
    }
}
