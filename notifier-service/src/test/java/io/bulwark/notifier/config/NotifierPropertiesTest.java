package io.bulwark.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.notifier.application.SendNotifications;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class NotifierPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(NotifierConfiguration.class);

    @Test
    void notifiesOnPassedByDefaultAndRunsWithoutAWebhook() {
        runner.run(context -> {
            NotifierProperties props = context.getBean(NotifierProperties.class);
            assertThat(props.notifyOnPassed()).isTrue();
            assertThat(props.webhook().enabled()).isFalse();
            assertThat(props.webhook().timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(context).hasSingleBean(SendNotifications.class);
        });
    }

    @Test
    void neverPrintsTheSecretOrTheUrlPath() {
        runner.withPropertyValues(
                        "bulwark.notifier.webhook.url=https://hooks.example.com/services/T0KEN/abc",
                        "bulwark.notifier.webhook.secret=hmac-key-123",
                        "bulwark.notifier.webhook.timeout=3s")
                .run(context -> {
                    NotifierProperties props = context.getBean(NotifierProperties.class);
                    assertThat(props.webhook().timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(props.toString())
                            .contains("hooks.example.com")
                            .doesNotContain("hmac-key-123")
                            .doesNotContain("T0KEN");
                });
    }

    @Test
    void aNonHttpWebhookUrlFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("bulwark.notifier.webhook.url=ftp://example.com/x")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.notifier.webhook.url"));
    }
}
