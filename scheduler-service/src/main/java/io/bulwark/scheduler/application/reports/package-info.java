/**
 * The periodic backup report (weekly by default): {@link io.bulwark.scheduler.application.reports.SummarizeTargets}
 * computes one {@link io.bulwark.contracts.BackupReportIssued.TargetSummary} per configured target from the
 * statistics of the projections, {@link io.bulwark.scheduler.application.reports.IssueBackupReports} issues one report
 * per period, stores it ({@link io.bulwark.scheduler.application.reports.BackupReportCatalog}) and publishes it ({@link
 * io.bulwark.scheduler.application.reports.BackupReportPublisher}), retrying a publish the broker refused. No Spring
 * here: {@code config} creates the use cases, adapters implement the ports.
 */
package io.bulwark.scheduler.application.reports;
