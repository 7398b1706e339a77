package io.bulwark.scheduler.config;

import io.bulwark.scheduler.application.ComputeStatistics;
import io.bulwark.scheduler.application.NextRuns;
import io.bulwark.scheduler.application.ScheduledUpcomingRuns;
import io.bulwark.scheduler.application.StatisticsReads;
import io.bulwark.scheduler.application.TargetDirectory;
import io.bulwark.scheduler.application.TargetQueries;
import io.bulwark.scheduler.application.TargetSettings;
import io.bulwark.scheduler.application.UpcomingRuns;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the targets' health and the statistics: the targets and objectives of {@link SchedulerProperties}. */
@Configuration(proxyBeanMethods = false)
public class StatisticsConfiguration {

    /** The configured targets with their {@code rpo} and {@code rto}, in configuration order. */
    @Bean
    public TargetDirectory targetDirectory(SchedulerProperties properties) {
        List<TargetSettings> targets = properties.targets().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> new TargetSettings(
                        e.getKey(),
                        e.getValue().engine(),
                        e.getValue().rpo(),
                        e.getValue().rto()))
                .toList();
        return () -> targets;
    }

    /** The next runs of a target: its enabled stored schedules. */
    @Bean
    public UpcomingRuns upcomingRuns(NextRuns nextRuns) {
        return new ScheduledUpcomingRuns(nextRuns);
    }

    /** The targets with their health. */
    @Bean
    public TargetQueries targetQueries(
            TargetDirectory targets, StatisticsReads reads, UpcomingRuns upcoming, Clock clock) {
        return new TargetQueries(targets, reads, upcoming, clock);
    }

    /** The statistics of a target or of all. */
    @Bean
    public ComputeStatistics computeStatistics(
            TargetDirectory targets, StatisticsReads reads, UpcomingRuns upcoming, Clock clock) {
        return new ComputeStatistics(targets, reads, upcoming, clock);
    }
}
