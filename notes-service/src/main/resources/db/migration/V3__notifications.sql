-- Where a team wants to hear about papers: kind is slack, webhook or email.
CREATE TABLE team_channel (
    team    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    target  TEXT NOT NULL,
    secret  TEXT,
    PRIMARY KEY (team, kind, target)
);

-- One announcement of a HIGH paper per team and channel, ever; delivered with retries and back-off.
CREATE TABLE notification (
    id              BIGSERIAL   PRIMARY KEY,
    paper_id        TEXT        NOT NULL,
    team            TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    target          TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING',
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    UNIQUE (paper_id, team, kind, target)
);
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'PENDING';

-- MEDIUM papers wait here for the team's daily digest.
CREATE TABLE digest_item (
    team     TEXT        NOT NULL,
    paper_id TEXT        NOT NULL,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at  TIMESTAMPTZ,
    PRIMARY KEY (team, paper_id)
);

-- A benchmark is requested at most once per paper.
CREATE TABLE benchmark_request (
    paper_id     TEXT        PRIMARY KEY,
    job_id       TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
