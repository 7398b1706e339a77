-- Verifications that ended ERROR (no verdict) are requested again by the scheduler's sweep, with a backoff that
-- doubles per request; these columns belong to the sweep, never to the projection of events.
alter table scheduler.backups
    add column reverify_requests     integer     not null default 0,
    add column reverify_requested_at timestamptz;

create index backups_verification_error_idx on scheduler.backups (verified_at)
    where state = 'VERIFICATION_ERROR';

-- The latest verification's BackupVerified.retryable: false when verifying again would end the same way.
alter table scheduler.backups add column verification_retryable boolean;
