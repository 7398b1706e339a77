-- Which OpenPGP keys open which backup, and which keys an operator retired.

-- The fingerprints (upper-case hex) a backup's artifact is encrypted to, from its BackupCompleted
-- (artifact.recipients) or the latest BackupVerified (artifactRecipients) that recorded them. A backup
-- without a row here has unknown recipients (written before they were recorded).
create table scheduler.backup_recipients (
    backup_id   uuid primary key,
    recipients  text[]      not null,
    learnt_from varchar(64) not null,
    updated_at  timestamptz not null
);

-- Keys retired through POST /api/keys/{fingerprint}/retire: no retained backup depended on them alone.
create table scheduler.retired_keys (
    fingerprint varchar(64) primary key,
    retired_at  timestamptz not null,
    retired_by  text        not null
);
