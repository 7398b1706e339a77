-- 3-2-1 copies: the latest BackupCopyUpdated of each (backup, copy store), shown as copies in GET /api/backups/{id}.
-- updated_at is the event's occurredAt: an older event never replaces a newer one, a repeated one changes nothing.
create table scheduler.backup_copies (
    backup_id  uuid        not null,
    copy_id    text        not null,
    state      text        not null,
    sha256     text,
    objects    integer     not null,
    bytes      bigint      not null,
    detail     text,
    event_id   uuid        not null,
    updated_at timestamptz not null,
    primary key (backup_id, copy_id)
);
