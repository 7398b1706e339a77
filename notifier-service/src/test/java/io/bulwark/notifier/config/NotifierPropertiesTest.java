package io.bulwark.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.notifier.application.SendNotifications;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void anHttpWebhookUrlFailsStartUpNamingThePropertyUnlessInsecureHttpIsAllowed() {
        runner.withPropertyValues("bulwark.notifier.webhook.url=http://hooks.example.com/x")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.notifier.webhook.url is http://")
                        .hasMessageContaining("bulwark.notifier.webhook.allow-insecure-http"));
        runner.withPropertyValues(
                        "bulwark.notifier.webhook.url=http://127.0.0.1:9/x",
                        "bulwark.notifier.webhook.allow-insecure-http=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theSecretIsReadFromItsFileOrVariableAndAMissingOneFailsStartUp(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("hook.secret"), "from-the-file\n");
        NotifierProperties.Webhook fromFile = new NotifierProperties.Webhook(
                URI.create("https://h/x"),
                file.toString(),
                "HOOK",
                "inline",
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertThat(fromFile.resolveSecret(name -> "from-env")).isEqualTo("from-the-file");
        assertThat(fromFile.toString()).doesNotContain("from-the-file").contains("secret=***");
        NotifierProperties.Webhook fromEnv = new NotifierProperties.Webhook(
                URI.create("https://h/x"), null, "HOOK", null, false, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(fromEnv.resolveSecret(name -> name.equals("HOOK") ? "from-env" : null))
                .isEqualTo("from-env");
        runner.withPropertyValues(
                        "bulwark.notifier.webhook.url=https://hooks.example.com/x",
                        "bulwark.notifier.webhook.secret-file=" + dir.resolve("missing"))
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.notifier.webhook.secret-file"));
    }
}
