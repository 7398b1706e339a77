package io.bulwark.scheduler.config;

import io.bulwark.scheduler.adapter.scheduling.BackupReportPoller;
import io.bulwark.scheduler.application.ComputeStatistics;
import io.bulwark.scheduler.application.CronCalendar;
import io.bulwark.scheduler.application.StatisticsReads;
import io.bulwark.scheduler.application.TargetDirectory;
import io.bulwark.scheduler.application.reports.BackupReportCatalog;
import io.bulwark.scheduler.application.reports.BackupReportPublisher;
import io.bulwark.scheduler.application.reports.IssueBackupReports;
import io.bulwark.scheduler.application.reports.OpenAlertCounts;
import io.bulwark.scheduler.application.reports.StoredBytesHistory;
import io.bulwark.scheduler.application.reports.SummarizeTargets;
import java.time.Clock;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the periodic backup report ({@link ReportProperties}): the summaries over the statistics, the use case
 * over {@code scheduler.reports}, and its cluster-safe timer on the schedules' ShedLock table. The report's link is
 * the dashboard under {@code bulwark.console.public-url} ({@code <url>/console/}), none when that is unset.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
public class ReportConfiguration {

    @Bean
    public SummarizeTargets summarizeTargets(
            TargetDirectory targets,
            ComputeStatistics statistics,
            StatisticsReads reads,
            StoredBytesHistory storage,
            OpenAlertCounts alerts) {
        return new SummarizeTargets(targets, statistics, reads, storage, alerts);
    }

    @Bean
    public IssueBackupReports issueBackupReports(
            SummarizeTargets summarize,
            BackupReportCatalog catalog,
            BackupReportPublisher publisher,
            CronCalendar calendar,
            ReportProperties properties,
            @Value("${bulwark.console.public-url:}") String publicUrl,
            Clock clock) {
        return new IssueBackupReports(
                summarize,
                catalog,
                publisher,
                calendar,
                properties.cron().trim(),
                properties.zoneId(),
                properties.period(),
                dashboard(publicUrl),
                clock);
    }

    /** Ticks every {@code bulwark.reports.poll-interval} under the lock {@value BackupReportPoller#LOCK_NAME}. */
    @Bean
    public BackupReportPoller backupReportPoller(
            IssueBackupReports reports, LockProvider scheduleLockProvider, ReportProperties properties, Clock clock) {
        return new BackupReportPoller(
                reports,
                new DefaultLockingTaskExecutor(scheduleLockProvider),
                clock,
                properties.enabled(),
                properties.pollInterval(),
                properties.lockAtMostFor());
    }

    /** {@code <url>/console/}, or null when the public URL is unset. */
    static String dashboard(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String url = publicUrl.strip();
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/console/";
    }
}
