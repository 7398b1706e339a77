-- How long each backup took, for the statistics of GET /api/statistics and GET /api/targets. Folded from the events
-- like every other column: the dump's from BackupCompleted (startedAt, dumpMillis), the latest verification's from
-- BackupVerified.timings (totalMillis, restoreMillis: the measured restore time of the verification, the proven RTO).
-- Null when the event did not carry them (events written before they were recorded).
alter table scheduler.backups
    add column started_at     timestamptz,
    add column dump_millis    bigint,
    add column verify_millis  bigint,
    add column restore_millis bigint;

