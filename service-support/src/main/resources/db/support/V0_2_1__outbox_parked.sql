-- Events the broker refuses for good (larger than the producer's or the topic's limit, an invalid topic) leave
-- the outbox for this table with the reason, so that they never hold up the events behind them. An admin
-- re-queues one (after raising the limit) or discards it: /api/admin/outbox/parked. Numbered between the
-- shared migrations so that it never collides with another shared one (quarkus.flyway.out-of-order=true).
CREATE TABLE outbox_parked (
    event_id    TEXT        PRIMARY KEY,
    topic       TEXT        NOT NULL,
    event_key   TEXT,
    ce_type     TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    parked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason      TEXT        NOT NULL
);
