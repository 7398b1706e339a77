-- The periodic backup reports (BackupReportIssued on bulwark.report), one row per period: report_id is the name-based
-- UUID of period_start, so a second tick or a second scheduler instance finds the row and issues nothing. body is the
-- event exactly as published; published_at stays null while the broker refused it, and the next tick re-publishes
-- the same event (same event id).
create table scheduler.reports (
    report_id    uuid primary key,
    trigger      varchar(16) not null check (trigger in ('SCHEDULE', 'MANUAL')),
    period_start timestamptz not null,
    period_end   timestamptz not null,
    issued_at    timestamptz not null,
    published_at timestamptz,
    body         jsonb       not null
);

create index reports_newest on scheduler.reports (period_end desc, issued_at desc);
create index reports_unpublished on scheduler.reports (issued_at) where published_at is null;
