package io.bulwark.scheduler.adapter.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.application.UpcomingRun;
import io.bulwark.scheduler.config.SchedulerProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredUpcomingRunsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");

    @Test
    void mergesTheSchedulesNextFiringsSoonestFirstInTheirZones() {
        Map<String, SchedulerProperties.Schedule> schedules = new LinkedHashMap<>();
        schedules.put("nightly", new SchedulerProperties.Schedule("0 2 * * *", "Europe/Berlin", Tier.DAILY, null));
        schedules.put("six-hourly", new SchedulerProperties.Schedule("0 */6 * * *", "UTC", Tier.DAILY, null));
        SchedulerProperties properties = new SchedulerProperties(Map.of(
                "chinook",
                new SchedulerProperties.Target("postgresql", null, null, null, null, null, null, schedules),
                "manual",
                new SchedulerProperties.Target("postgresql", null, null, null, null, null, null, Map.of())));
        ConfiguredUpcomingRuns runs = new ConfiguredUpcomingRuns(properties, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(runs.forTarget("chinook", 4))
                .containsExactly(
                        new UpcomingRun("chinook", "six-hourly", Instant.parse("2026-12-03T12:00:00Z")),
                        new UpcomingRun("chinook", "six-hourly", Instant.parse("2026-12-03T18:00:00Z")),
                        new UpcomingRun("chinook", "six-hourly", Instant.parse("2026-12-04T00:00:00Z")),
                        new UpcomingRun("chinook", "nightly", Instant.parse("2026-12-04T01:00:00Z")));
        assertThat(runs.forTarget("manual", 5)).isEmpty();
        assertThat(runs.forTarget("nosuchdb", 5)).isEqualTo(List.of());
    }
}
