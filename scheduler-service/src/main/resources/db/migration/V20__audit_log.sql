-- Every state-changing call of the scheduler's HTTP API (POST, PUT, PATCH, DELETE), refused ones included: who,
-- what, when, from where and the answer's status. Rows are only ever added; never holds a token or a body.
create table scheduler.audit_log (
    id              bigserial    primary key,
    at              timestamptz  not null,
    -- the API token's name or the JWT's subject; null when the caller was not authenticated (401)
    caller          text,
    method          varchar(16)  not null,
    path            text         not null,
    -- the target the call was about, from the body's targetId or the path's /api/targets/{id}; null when none
    target_id       varchar(63),
    -- the backup or restore the path names (/api/backups/{id}/..., /api/restores/{id}), or null
    resource_id     text,
    remote_address  text,
    status          integer      not null
);

create index audit_log_at on scheduler.audit_log (at desc, id desc);
