-- The retention catalog: one row per backup the service has seen verified.
CREATE TABLE backups (
    backup_id    uuid        PRIMARY KEY,
    target_id    text        NOT NULL,
    prefix       text        NOT NULL,
    tier         text,
    completed_at timestamptz NOT NULL,
    outcome      text        NOT NULL,
    verified_at  timestamptz NOT NULL,
    deleted_at   timestamptz
);

CREATE INDEX backups_live_by_target ON backups (target_id, completed_at DESC) WHERE deleted_at IS NULL;

-- Ids of the events already processed, so that a redelivered event changes nothing.
CREATE TABLE processed_events (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
