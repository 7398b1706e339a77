-- The schedules the scheduler fires: those declared in configuration (source CONFIG, reconciled at every start-up)
-- and those created through the API (source API). next_run_at is the next time a schedule is due; a poller claims a
-- due row by a compare-and-set on it, so each due time is fired by one scheduler instance only.
create table scheduler.schedules (
    target_id          varchar(63)  not null,
    name               varchar(63)  not null,
    -- as written: five-field crontab, six-field Spring cron or a macro such as @daily
    cron               varchar(200) not null,
    -- an IANA zone id the expression is read in
    zone               varchar(64)  not null,
    tier               varchar(16)  not null,
    label              varchar(63),
    enabled            boolean      not null default true,
    source             varchar(8)   not null check (source in ('CONFIG', 'API')),
    missed_run_policy  varchar(16)  not null default 'RUN_ONCE' check (missed_run_policy in ('RUN_ONCE', 'SKIP')),
    -- null when the expression never fires again
    next_run_at        timestamptz,
    last_run_at        timestamptz,
    last_backup_id     uuid,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    primary key (target_id, name)
);

create index schedules_due on scheduler.schedules (next_run_at) where enabled;

-- ShedLock's lock rows (net.javacrumbs.shedlock, JdbcTemplateLockProvider with database time): the schedule poller
-- runs on one scheduler instance at a time.
create table scheduler.shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
