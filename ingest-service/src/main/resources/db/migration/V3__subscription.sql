-- What each team follows: arXiv categories (polled through RSS) and search queries (the query API),
-- with the outcome of the last poll so that an operator sees the harvest state.
CREATE TABLE subscription (
    id             BIGSERIAL PRIMARY KEY,
    team           TEXT        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('category', 'query')),
    value          TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_polled_at TIMESTAMPTZ,
    last_accepted  INT,
    last_error     TEXT,
    UNIQUE (team, kind, value)
);
