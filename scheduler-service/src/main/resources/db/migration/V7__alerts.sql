-- The alerts the scheduler evaluates on a timer (docs/operations.md, "Alerts"). One row per alert: opened once per
-- dedup key (target, kind and, for some kinds, a schedule or "dump"/"restore") while its condition holds, escalated
-- while it stays open, resolved once. pending_publish marks a state whose AlertChanged event the broker has not yet
-- accepted; the evaluation publishes it on its next run (event id derived from alert id, state and level).
create table scheduler.alerts (
    alert_id          uuid primary key,
    target_id         varchar(63)  not null,
    kind              varchar(32)  not null,
    dedup_key         varchar(200) not null,
    severity          varchar(16)  not null,
    state             varchar(16)  not null check (state in ('OPEN', 'ESCALATED', 'RESOLVED')),
    escalation_level  integer      not null default 0,
    summary           text         not null,
    details           text,
    backup_id         uuid,
    opened_at         timestamptz  not null,
    last_sent_at      timestamptz  not null,
    resolved_at       timestamptz,
    pending_publish   boolean      not null default true
);

-- At most one unresolved alert per condition, whatever instance evaluates.
create unique index alerts_unresolved_key on scheduler.alerts (dedup_key) where state <> 'RESOLVED';
create index alerts_opened_idx on scheduler.alerts (opened_at desc, alert_id);
create index alerts_pending_idx on scheduler.alerts (last_sent_at) where pending_publish;

-- When the alert evaluation first watched each configured target: the start of the RPO clock of a target that was
-- never verified.
create table scheduler.alert_watch (
    target_id     varchar(63) primary key,
    watched_since timestamptz not null
);
