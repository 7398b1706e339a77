package io.bulwark.verifier.application;

import io.bulwark.artifacts.Manifest;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;
import io.bulwark.pipeline.rules.ComparisonRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one verification has found so far, and the report it makes. Not thread-safe: one per verification. */
final class VerificationRun {

    final String sandboxKind;
    final List<CheckResult> checks = new ArrayList<>();
    List<TableRows> tables = List.of();
    /** Why an ERROR would end the same way again, or null. */
    String notWorthRetrying;

    String sourceServerVersion;
    String sandboxServerVersion;
    long sandboxMillis;
    long restoreMillis;
    long checksMillis;
    long totalMillis;

    VerificationRun(String sandboxKind) {
        this.sandboxKind = sandboxKind;
    }

    /** The manifest gate failed with {@code check}: every check after it is SKIPPED for {@code reason}. */
    void gateFailed(CheckResult check, String reason) {
        checks.add(check);
        skipFrom(CheckNames.SANDBOX, reason);
    }

    /** {@code check} ended the verification: it is added, and every check after it is SKIPPED for {@code reason}. */
    void skipFrom(CheckResult check, String reason) {
        checks.add(check);
        int next = VerifyBackup.CHECK_ORDER.indexOf(check.name()) + 1;
        if (next > 0 && next < VerifyBackup.CHECK_ORDER.size()) {
            skipFrom(VerifyBackup.CHECK_ORDER.get(next), reason);
        }
    }

    /** Every check after the restore step is SKIPPED for {@code reason}. */
    void skipRest(String reason) {
        skipFrom(CheckNames.TABLES, reason);
    }

    private void skipFrom(String first, String reason) {
        List<String> order = VerifyBackup.CHECK_ORDER;
        for (String name : order.subList(order.indexOf(first), order.size())) {
            checks.add(Checks.skipped(name, reason));
        }
    }

    VerificationReport report(BackupCompleted event, Manifest manifest, Instant verifiedAt) {
        String artifactKey = manifest != null && manifest.artifact() != null
                ? manifest.artifact().key()
                : event.artifact() == null ? null : event.artifact().key();
        List<TableRows> rows = tables.isEmpty() && manifest != null && manifest.inventory() != null
                ? ComparisonRules.tableRows(manifest.inventory(), null)
                : tables;
        return new VerificationReport(
                VerificationReport.SCHEMA_VERSION,
                event.backupId(),
                event.targetId(),
                Checks.outcome(checks),
                checks,
                rows,
                new VerificationReport.Timings(sandboxMillis, restoreMillis, checksMillis, totalMillis),
                sandboxKind,
                artifactKey,
                event.manifestKey(),
                sourceServerVersion,
                sandboxServerVersion,
                verifiedAt);
    }
}
