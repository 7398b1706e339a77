package io.bulwark.scheduler.application.reports;

import io.bulwark.scheduler.application.StatisticsReads;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The catalog's reads over lists, filtered like the SQL of {@code JdbcStatisticsReads}. */
final class FakeStatisticsReads implements StatisticsReads {

    final List<BackupSample> backups = new ArrayList<>();
    final List<RestoreSample> restores = new ArrayList<>();

    void add(BackupSample sample) {
        backups.add(sample);
        backups.sort(Comparator.comparing(BackupSample::at));
    }

    @Override
    public TargetSnapshot snapshot(String targetId) {
        VerifiedBackup newest = backups.stream()
                .filter(b -> b.targetId().equals(targetId) && b.state() == BackupState.VERIFIED)
                .max(Comparator.comparing(BackupSample::completedAt))
                .map(b -> new VerifiedBackup(b.backupId(), b.completedAt(), b.verifiedAt()))
                .orElse(null);
        return new TargetSnapshot(0, 0, null, newest, null, null);
    }

    @Override
    public List<BackupSample> backups(String targetId, Instant from, Instant to) {
        return backups.stream()
                .filter(b -> targetId == null || b.targetId().equals(targetId))
                .filter(b -> !b.at().isBefore(from) && !b.at().isAfter(to))
                .toList();
    }

    @Override
    public List<RestoreSample> restores(String targetId, Instant from, Instant to) {
        return restores.stream()
                .filter(r -> targetId == null || r.targetId().equals(targetId))
                .filter(r -> !r.finishedAt().isBefore(from) && !r.finishedAt().isAfter(to))
                .toList();
    }
}
