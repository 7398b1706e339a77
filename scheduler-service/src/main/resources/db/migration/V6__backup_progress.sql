-- The latest BackupProgressed of each backup (GET /api/activity): bytes read from the dump tool, bytes stored, the
-- milliseconds since the dump started, and the event's occurredAt. The progress group never changes the state; an older
-- progress event (by occurredAt, then elapsed time) never replaces a newer one.
alter table scheduler.backups
    add column progress_bytes_read     bigint,
    add column progress_bytes_written  bigint,
    add column progress_elapsed_millis bigint,
    add column progress_at             timestamptz;

-- The object key of verification.html of the latest verification (BackupVerified.reportPageKey), beside report_key.
alter table scheduler.backups add column report_page_key text;

-- Backups verified before this column existed: the verifier stores verification.html beside verification.json.
update scheduler.backups
   set report_page_key = left(report_key, length(report_key) - length('verification.json')) || 'verification.html'
 where report_key like '%/verification.json';
