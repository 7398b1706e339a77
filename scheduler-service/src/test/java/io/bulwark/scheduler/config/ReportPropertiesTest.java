package io.bulwark.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReportPropertiesTest {

    private static ReportProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("bulwark.reports", ReportProperties.class);
    }

    @Test
    void defaultsToMondaySevenUtcOverTheLastSevenDays() {
        ReportProperties defaults = bind(Map.of());

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.cron()).isEqualTo("0 0 7 * * MON");
        assertThat(defaults.zoneId()).isEqualTo(ZoneId.of("UTC"));
        assertThat(defaults.period()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void bindsAMacroAZoneAndAPeriodInDays() {
        ReportProperties p = bind(Map.of(
                "bulwark.reports.cron", "@daily",
                "bulwark.reports.zone", "Europe/Berlin",
                "bulwark.reports.period", "1d",
                "bulwark.reports.enabled", "false"));

        assertThat(p.enabled()).isFalse();
        assertThat(p.zoneId()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(p.period()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refusesABadCronZoneOrPeriodNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("bulwark.reports.cron", "every monday")))
                .rootCause()
                .hasMessageContaining("bulwark.reports.cron");
        assertThatThrownBy(() -> bind(Map.of("bulwark.reports.zone", "Mars/Olympus")))
                .rootCause()
                .hasMessageContaining("bulwark.reports.zone");
        assertThatThrownBy(() -> bind(Map.of("bulwark.reports.period", "0s")))
                .rootCause()
                .hasMessageContaining("bulwark.reports.period");
    }
}
