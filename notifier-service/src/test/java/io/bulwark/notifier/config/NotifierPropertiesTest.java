package io.bulwark.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.notifier.application.DeliverNotifications;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

class NotifierPropertiesTest {

    /** A datasource that is never reached: these tests look at the wiring, not at deliveries. */
    @Configuration(proxyBeanMethods = false)
    static class NoDatabase {
        @Bean
        JdbcTemplate jdbcTemplate() {
            return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/none"));
        }

        @Bean
        PlatformTransactionManager transactionManager() {
            return new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/none"));
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(NoDatabase.class, NotifierConfiguration.class)
            .withPropertyValues("bulwark.notifier.delivery.poll-interval=1h");

    @Test
    void chatChannelsReadTheirUrlFromAFileAndRoutesMustNameKnownChannels(@TempDir Path dir) throws Exception {
        Path urlFile = dir.resolve("slack-url");
        Files.writeString(urlFile, "https://hooks.slack.com/services/T0/B0/S3CRET\n");
        runner.withPropertyValues(
                        "bulwark.notifier.channels.ops-slack.type=slack",
                        "bulwark.notifier.channels.ops-slack.url-file=" + urlFile,
                        "bulwark.notifier.routes[0].channels[0]=ops-slack",
                        "bulwark.notifier.routes[0].escalation-channels[0]=pager")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.notifier.routes[0].escalation-channels")
                        .hasMessageContaining("'pager'"));
        runner.withPropertyValues(
                        "bulwark.notifier.channels.ops-slack.type=slack",
                        "bulwark.notifier.channels.ops-slack.url-file=" + urlFile,
                        "bulwark.notifier.routes[0].channels[0]=ops-slack")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DeliverNotifications.class).channelIds())
                            .containsExactly("log", "ops-slack");
                });
    }

    @Test
    void anHttpChatUrlAndAnEmailChannelWithoutSmtpFailStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "bulwark.notifier.channels.ops-teams.type=teams",
                        "bulwark.notifier.channels.ops-teams.url=http://example.com/workflows/S3CRET")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.notifier.channels.ops-teams.url is http://")
                        .hasMessageNotContaining("S3CRET"));
        runner.withPropertyValues(
                        "bulwark.notifier.channels.ops-mail.type=email",
                        "bulwark.notifier.channels.ops-mail.to[0]=ops@example.com",
                        "bulwark.notifier.channels.ops-mail.from=bulwark@example.com")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("spring.mail.host"));
    }

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
