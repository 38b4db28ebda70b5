-- The notes service's view of papers, their per-team scores and the benchmark results about them.
CREATE TABLE paper (
    id               TEXT        PRIMARY KEY,
    version          INT         NOT NULL,
    title            TEXT        NOT NULL,
    authors          TEXT[]      NOT NULL,
    abstract         TEXT        NOT NULL,
    categories       TEXT[]      NOT NULL,
    primary_category TEXT        NOT NULL,
    published        TIMESTAMPTZ NOT NULL,
    updated          TIMESTAMPTZ,
    comment          TEXT,
    journal_ref      TEXT,
    doi              TEXT,
    link_abs         TEXT        NOT NULL,
    link_pdf         TEXT,
    link_code        TEXT[]      NOT NULL DEFAULT '{}',
    source           TEXT        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    search           TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', abstract), 'B')) STORED
);
CREATE INDEX paper_search_idx ON paper USING GIN (search);
CREATE INDEX paper_published_idx ON paper (published DESC, id);

-- One row per (paper, team); a score may arrive before its paper, so there is no foreign key.
CREATE TABLE paper_score (
    paper_id       TEXT             NOT NULL,
    team           TEXT             NOT NULL,
    version        INT              NOT NULL,
    score          INT              NOT NULL,
    priority       TEXT             NOT NULL,
    priority_rank  SMALLINT         NOT NULL,
    paper_type     TEXT             NOT NULL,
    relevance      INT              NOT NULL,
    has_code       BOOLEAN          NOT NULL,
    citations      INT,
    months_since   DOUBLE PRECISION NOT NULL,
    reasons        TEXT[]           NOT NULL,
    scored_at      TIMESTAMPTZ      NOT NULL,
    received_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (paper_id, team)
);
CREATE INDEX paper_score_rank_idx ON paper_score (priority_rank, score DESC);
CREATE INDEX paper_score_team_idx ON paper_score (team, priority_rank, score DESC);

CREATE TABLE benchmark_result (
    job_id       TEXT        PRIMARY KEY,
    paper_id     TEXT,
    status       TEXT        NOT NULL,
    device       TEXT        NOT NULL,
    results      TEXT        NOT NULL,
    failure      TEXT,
    device_note  TEXT,
    completed_at TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX benchmark_result_paper_idx ON benchmark_result (paper_id, completed_at DESC);
