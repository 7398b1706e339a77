-- Holds: a held backup is never deleted, neither by a retention policy nor by hand, until the hold is released.
-- A hold with an `until` lapses by itself at that instant.
CREATE TABLE holds (
    backup_id uuid        PRIMARY KEY REFERENCES backups (backup_id),
    reason    text        NOT NULL,
    held_by   text        NOT NULL,
    held_at   timestamptz NOT NULL,
    until     timestamptz
);

-- The audit of released holds: one row per release, the hold as it was and who released it.
CREATE TABLE hold_releases (
    release_id  bigserial   PRIMARY KEY,
    backup_id   uuid        NOT NULL,
    reason      text        NOT NULL,
    held_by     text        NOT NULL,
    held_at     timestamptz NOT NULL,
    until       timestamptz,
    released_by text        NOT NULL,
    released_at timestamptz NOT NULL
);

CREATE INDEX hold_releases_by_backup ON hold_releases (backup_id, released_at);

-- The intent of a deletion, recorded before the first object is removed, so that a deletion cut short (a crash, the
-- store or the broker down) is finished by the next sweep with the same reason, rule and counts.
ALTER TABLE backups
    ADD COLUMN deleting_since   timestamptz,
    ADD COLUMN deletion_reason  text,
    ADD COLUMN deletion_rule    text,
    ADD COLUMN objects_deleted  integer,
    ADD COLUMN bytes_reclaimed  bigint;

CREATE INDEX backups_deleting ON backups (deleting_since) WHERE deleting_since IS NOT NULL AND deleted_at IS NULL;
