-- 3-2-1 copies: one row per (backup, copy store of bulwark.copies.<copyId>). The backup's target, prefix and time are
-- kept here too, so that a copy outlives the backup's deletion from the primary store until its own policy lets it go.
CREATE TABLE copies (
    backup_id       uuid        NOT NULL,
    copy_id         text        NOT NULL,
    target_id       text        NOT NULL,
    prefix          text        NOT NULL,
    completed_at    timestamptz NOT NULL,
    -- PENDING, COPIED, FAILED or DELETED
    state           text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    sha256          text,
    objects         integer     NOT NULL DEFAULT 0,
    bytes           bigint      NOT NULL DEFAULT 0,
    detail          text,
    -- the state last announced with BackupCopyUpdated; differs from state while an event is still to be published
    published_state text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (backup_id, copy_id)
);

CREATE INDEX copies_due ON copies (copy_id, updated_at) WHERE state IN ('PENDING', 'FAILED');
