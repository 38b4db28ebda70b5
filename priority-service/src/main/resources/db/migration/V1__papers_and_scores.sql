-- What priority keeps of each paper: enough to re-score it later without asking ingest again.
CREATE TABLE paper (
    id                   TEXT        PRIMARY KEY,
    version              INT         NOT NULL,
    title                TEXT        NOT NULL,
    abstract             TEXT        NOT NULL,
    comment              TEXT,
    categories           TEXT[]      NOT NULL,
    published            TIMESTAMPTZ NOT NULL,
    code_links           TEXT[]      NOT NULL,
    fulltext_code_links  TEXT[]      NOT NULL DEFAULT '{}',
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The current score of a paper for a team; score_history keeps every score that was published.
CREATE TABLE score (
    paper_id                  TEXT             NOT NULL,
    team                      TEXT             NOT NULL,
    version                   INT              NOT NULL,
    score                     INT              NOT NULL,
    priority                  TEXT             NOT NULL,
    paper_type                TEXT             NOT NULL,
    relevance                 INT              NOT NULL,
    has_code                  BOOLEAN          NOT NULL,
    citations                 INT,
    months_since_publication  DOUBLE PRECISION NOT NULL,
    factors                   JSONB            NOT NULL,
    scored_at                 TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (paper_id, team)
);

CREATE TABLE score_history (
    seq        BIGSERIAL   PRIMARY KEY,
    paper_id   TEXT        NOT NULL,
    team       TEXT        NOT NULL,
    version    INT         NOT NULL,
    score      INT         NOT NULL,
    priority   TEXT        NOT NULL,
    factors    JSONB       NOT NULL,
    scored_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX score_history_paper ON score_history (paper_id, team, seq);
