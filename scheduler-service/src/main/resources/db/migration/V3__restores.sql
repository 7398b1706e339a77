-- The scheduler's projection of every restore, folded from the bulwark.restore.* events. Each kind of event owns its
-- group of columns: the request (RestoreRequested), the latest progress (RestoreProgressed) and the result
-- (RestoreCompleted or RestoreFailed); a group is present when its *_event_id is not null. Never holds a credential.
create table scheduler.restores (
    restore_id          uuid primary key,
    target_id           varchar(63)  not null,
    backup_id           uuid,
    prefix              text,
    -- REQUESTED, RUNNING, SUCCEEDED or FAILED; follows from the groups below
    state               varchar(16)  not null,
    -- the request
    request_event_id    uuid,
    requested_at        timestamptz,
    requested_by        text,
    requested_point     timestamptz,
    destination_id      varchar(63),
    destination_target  varchar(63),
    database_name       text,
    replace_database    boolean,
    force               boolean,
    jobs                integer,
    schemas             text[]       not null default '{}',
    tables              text[]       not null default '{}',
    -- the latest progress
    progress_event_id   uuid,
    progress_at         timestamptz,
    phase               varchar(16),
    bytes_read          bigint,
    bytes_total         bigint,
    bytes_restored      bigint,
    percent             integer,
    eta_seconds         bigint,
    elapsed_millis      bigint,
    -- the result
    result_event_id     uuid,
    finished_at         timestamptz,
    result_state        varchar(16),
    reason              varchar(32),
    message             text,
    destination         jsonb,
    forced              boolean,
    database_dropped    boolean,
    checks              jsonb        not null default '[]',
    timings             jsonb,
    report_key          text,
    report_page_key     text,
    first_seen_at       timestamptz  not null,
    updated_at          timestamptz  not null,
    -- newest first: request time, else when first seen
    sort_at             timestamptz generated always as (coalesce(requested_at, first_seen_at)) stored
);

create index restores_sort_idx on scheduler.restores (sort_at desc, restore_id);
create index restores_target_sort_idx on scheduler.restores (target_id, sort_at desc);
create index restores_state_sort_idx on scheduler.restores (state, sort_at desc);
