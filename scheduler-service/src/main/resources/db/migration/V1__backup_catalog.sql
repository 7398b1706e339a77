-- The scheduler's projection of every backup, folded from the events of all topics.
create table scheduler.backups (
    backup_id             uuid primary key,
    request_id            uuid,
    target_id             varchar(63)  not null,
    state                 varchar(32)  not null,
    trigger               varchar(16),
    schedule_id           varchar(63),
    tier                  varchar(16),
    label                 varchar(63),
    requested_by          text,
    requested_at          timestamptz,
    completed_at          timestamptz,
    prefix                text,
    artifact_key          text,
    manifest_key          text,
    stored_bytes          bigint,
    verification_outcome  varchar(16),
    failed_checks         text[]       not null default '{}',
    report_key            text,
    verified_at           timestamptz,
    verification_event_id uuid,
    failure_reason        varchar(32),
    failure_message       text,
    failure_exit_code     integer,
    failed_at             timestamptz,
    deletion_reason       varchar(16),
    deleted_at            timestamptz,
    first_seen_at         timestamptz  not null,
    updated_at            timestamptz  not null,
    -- newest first: request time, else completion time, else when first seen
    sort_at               timestamptz generated always as (coalesce(requested_at, completed_at, first_seen_at)) stored
);

create index backups_sort_idx on scheduler.backups (sort_at desc, backup_id);
create index backups_target_sort_idx on scheduler.backups (target_id, sort_at desc);
create index backups_state_sort_idx on scheduler.backups (state, sort_at desc);

-- Ids of the events already folded in: a duplicate delivery changes nothing.
create table scheduler.processed_events (
    event_id     uuid primary key,
    event_type   varchar(64) not null,
    processed_at timestamptz not null
);
