-- A queue item past its due date is reminded of once per due date: the row is written in the same transaction
-- as the reminder's deliveries, so a restart or a second instance finds it and plans nothing again.
CREATE TABLE overdue_reminder (
    paper_id    TEXT        NOT NULL,
    team        TEXT        NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    reminded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (paper_id, team, due_at)
);

-- One reminder as sent to one place: each of the team's channels, and the claimer's own address when the
-- claimer is an e-mail address and the team has an e-mail channel (to_claimer). The words are fixed when planned,
-- so that a retry sends the same message under the same delivery id.
CREATE TABLE reminder_delivery (
    id            BIGSERIAL   PRIMARY KEY,
    delivery_id   UUID        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    paper_id      TEXT        NOT NULL,
    team          TEXT        NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    priority      TEXT        NOT NULL,
    claimed_by    TEXT,
    kind          TEXT        NOT NULL,
    target        TEXT        NOT NULL,
    to_claimer    BOOLEAN     NOT NULL,
    subject       TEXT        NOT NULL,
    text          TEXT        NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'PENDING',
    attempts      INT         NOT NULL DEFAULT 0,
    claimed_until TIMESTAMPTZ,
    claim_token   UUID,
    last_error    TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at  TIMESTAMPTZ,
    UNIQUE (paper_id, team, due_at, kind, target)
);
CREATE INDEX reminder_delivery_pending_idx ON reminder_delivery (id) WHERE status = 'PENDING';
