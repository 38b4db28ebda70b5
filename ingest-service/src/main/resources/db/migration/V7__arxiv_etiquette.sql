-- A back-off that arXiv asked for (Retry-After on 429/503, or the default after a 429 or 5xx) applies
-- to every instance: no request to any arXiv host starts before not_before (database clock).
ALTER TABLE arxiv_limiter ADD COLUMN not_before TIMESTAMPTZ;
ALTER TABLE arxiv_limiter ADD COLUMN not_before_reason TEXT;

-- PDF downloads waiting for arXiv (paper.scored at or above parse-from): written by the consumer in its
-- transaction, drained by the worker through the polite client. One row per paper version, however
-- many teams scored it; priority is the highest asked for (0 LOW, 1 MEDIUM, 2 HIGH).
CREATE TABLE pdf_fetch (
    arxiv_id        TEXT        NOT NULL,
    version         INT         NOT NULL,
    priority        SMALLINT    NOT NULL,
    ce_id           TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_until   TIMESTAMPTZ,
    last_error      TEXT,
    PRIMARY KEY (arxiv_id, version)
);

CREATE INDEX pdf_fetch_next ON pdf_fetch (priority DESC, parked_at);
