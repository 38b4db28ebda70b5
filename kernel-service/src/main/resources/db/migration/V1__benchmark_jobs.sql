-- One row per benchmark job; the queue is the QUEUED rows of a device, oldest first.
CREATE TABLE benchmark_job (
    job_id        TEXT        PRIMARY KEY,
    status        TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    queue         TEXT        NOT NULL,
    origin        TEXT        NOT NULL,
    request       TEXT        NOT NULL,
    paper_id      TEXT,
    percent_done  INTEGER     NOT NULL DEFAULT 0,
    current_shape TEXT,
    device        TEXT,
    results       TEXT        NOT NULL DEFAULT '[]',
    failure       TEXT,
    device_note   TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);

CREATE INDEX benchmark_job_queue ON benchmark_job (queue, created_at) WHERE status = 'QUEUED';
