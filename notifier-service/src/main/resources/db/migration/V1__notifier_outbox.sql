-- Delivery state of the notifier (schema notifier).
-- processed_events: the source events already turned into notifications, so that a redelivered event notifies
-- nobody twice, across restarts.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL
);

-- notifications: one row per notification, its fields as JSON (the webhook's body).
CREATE TABLE notifications (
    notification_id uuid PRIMARY KEY,
    source_event_id uuid,
    kind            text        NOT NULL,
    severity        text        NOT NULL,
    target_id       text,
    summary         text        NOT NULL,
    body            jsonb       NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX notifications_created ON notifications (created_at DESC);

-- deliveries: the outbox, one row per notification and channel.
-- PENDING: not sent yet (attempts and last_error tell about failed rounds); SENT: the channel accepted it;
-- FAILED: the channel refused it for good (e.g. HTTP 404); DEAD: every round failed.
CREATE TABLE deliveries (
    delivery_id     uuid PRIMARY KEY,
    notification_id uuid        NOT NULL REFERENCES notifications (notification_id) ON DELETE CASCADE,
    channel         text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL,
    UNIQUE (notification_id, channel)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'PENDING';
