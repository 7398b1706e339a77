package io.bulwark.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

class SchedulerPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SchedulerProperties.class)
    static class PropertiesOnly {}

    @Test
    void bindsTargetsSchedulesAndDefaultsIgnoringOtherServicesSettings() {
        runner.withPropertyValues(
                        "bulwark.storage.secret-key=not-for-us",
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.host=127.0.0.1",
                        "bulwark.targets.chinook.password-env=CHINOOK_PASSWORD",
                        "bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *",
                        "bulwark.targets.chinook.schedules.nightly.zone=Europe/Berlin",
                        "bulwark.targets.chinook.schedules.nightly.tier=WEEKLY",
                        "bulwark.targets.chinook.schedules.nightly.label=nightly",
                        "bulwark.targets.chinook.schedules.hourly.cron=0 0 * * * *",
                        "bulwark.targets.manual-only.engine=postgresql")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SchedulerProperties properties = context.getBean(SchedulerProperties.class);
                    assertThat(properties.targets()).containsOnlyKeys("chinook", "manual-only");
                    SchedulerProperties.Schedule nightly =
                            properties.targets().get("chinook").schedules().get("nightly");
                    assertThat(nightly.springCron()).isEqualTo("0 0 2 * * *");
                    assertThat(nightly.zoneId()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(nightly.tier()).isEqualTo(Tier.WEEKLY);
                    assertThat(nightly.label()).isEqualTo("nightly");
                    SchedulerProperties.Schedule hourly =
                            properties.targets().get("chinook").schedules().get("hourly");
                    assertThat(hourly.zone()).isEqualTo("UTC");
                    assertThat(hourly.tier()).isEqualTo(Tier.DAILY);
                    assertThat(hourly.label()).isNull();
                    assertThat(properties.targets().get("manual-only").schedules())
                            .isEmpty();
                });
    }

    @Test
    void fiveFieldCronFiresAtSecondZeroInTheScheduleZone() {
        SchedulerProperties.Schedule nightly =
                new SchedulerProperties.Schedule("0 2 * * *", "Europe/Berlin", Tier.DAILY, null, null);
        CronTrigger trigger = new CronTrigger(nightly.springCron(), nightly.zoneId());
        Instant noonInBerlin =
                ZonedDateTime.parse("2026-11-23T12:00:00+01:00[Europe/Berlin]").toInstant();
        SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(noonInBerlin, ZoneOffset.UTC));
        assertThat(trigger.nextExecution(context))
                .isEqualTo(ZonedDateTime.parse("2026-11-24T02:00:00+01:00[Europe/Berlin]")
                        .toInstant());
    }

    @Test
    void malformedCronFailsStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.schedules.nightly.cron=0 25 * * *")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.schedules.nightly.cron")
                        .hasMessageContaining("0 25 * * *"));
    }

    @Test
    void cronWithWrongFieldCountFailsStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.schedules.nightly.cron=0 2 * *")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.schedules.nightly.cron"));
    }

    @Test
    void unknownZoneFailsStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *",
                        "bulwark.targets.chinook.schedules.nightly.zone=Mars/Olympus")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.schedules.nightly.zone"));
    }

    @Test
    void unsafeIdsAndLabelsFailStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.schedules.night_ly.cron=0 2 * * *",
                        "bulwark.targets.chinook.schedules.night_ly.label=Bad Label",
                        "bulwark.targets.chinook.schedules[Night Ly].cron=0 2 * * *")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.schedules.night_ly.label")
                        .hasMessageContaining("bulwark.targets.chinook.schedules.Night Ly: schedule id"));
    }

    @Test
    void missingEngineFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("engine"));
    }

    @Test
    void rpoAndRtoDefaultTo25HoursAndOneHourAndBindDurations() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.rpo=PT6H",
                        "bulwark.targets.chinook.rto=15m",
                        "bulwark.targets.plain.engine=postgresql")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SchedulerProperties properties = context.getBean(SchedulerProperties.class);
                    assertThat(properties.targets().get("chinook").rpo()).isEqualTo(Duration.ofHours(6));
                    assertThat(properties.targets().get("chinook").rto()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(properties.targets().get("plain").rpo()).isEqualTo(Duration.ofHours(25));
                    assertThat(properties.targets().get("plain").rto()).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void zeroOrNegativeRpoAndRtoFailStartUpNamingTheProperty() {
        runner.withPropertyValues(
                        "bulwark.targets.chinook.engine=postgresql",
                        "bulwark.targets.chinook.rpo=0s",
                        "bulwark.targets.chinook.rto=-PT1M")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bulwark.targets.chinook.rpo: must be longer than zero but was PT0S")
                        .hasMessageContaining("bulwark.targets.chinook.rto: must be longer than zero but was PT-1M"));
    }
}
