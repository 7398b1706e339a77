package io.bulwark.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.scheduler.application.alerts.WatchedTarget;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code bulwark.alerts.*} and {@code bulwark.targets.<id>.alerts.*}, bound as the scheduler binds them. */
class AlertPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SchedulerProperties.class, AlertProperties.class, AlertTargetProperties.class})
    static class PropertiesOnly {}

    @Test
    void defaultsAndATargetsMaxDumpDurationBesideItsOtherSettings() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.rpo=2h",
                        "bulwark.targets.chinook.alerts.max-dump-duration=30m",
                        "bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *",
                        "bulwark.targets.ticker.engine=mariadb")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AlertProperties alerts = context.getBean(AlertProperties.class);
                    assertThat(alerts.enabled()).isTrue();
                    assertThat(alerts.evaluateInterval()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(alerts.escalationInterval()).isEqualTo(Duration.ofHours(1));
                    assertThat(alerts.sizeDeviation()).isEqualTo(0.2);
                    assertThat(alerts.sizeWindow()).isEqualTo(5);
                    assertThat(alerts.durationWindow()).isEqualTo(5);
                    assertThat(alerts.consecutiveFailures()).isEqualTo(3);
                    assertThat(alerts.missedScheduleGrace()).isEqualTo(Duration.ofMinutes(15));

                    assertThat(AlertConfiguration.watched(
                                    context.getBean(SchedulerProperties.class),
                                    context.getBean(AlertTargetProperties.class)))
                            .containsExactly(
                                    new WatchedTarget(
                                            "chinook",
                                            Duration.ofHours(2),
                                            Duration.ofHours(1),
                                            Duration.ofMinutes(30)),
                                    new WatchedTarget("ticker", Duration.ofHours(25), Duration.ofHours(1), null));
                });
    }

    @Test
    void aValueOutOfRangeFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("bulwark.alerts.size-window=2")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.alerts.size-window must be at least 3 but was 2"));
        runner.withPropertyValues("bulwark.alerts.evaluate-interval=0s")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.alerts.evaluate-interval must be positive"));
    }
}
