-- The reading queue: one item per (paper, team) once the team has a score for the paper.
CREATE TABLE reading_item (
    paper_id          TEXT        NOT NULL,
    team              TEXT        NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'NOT_STARTED',
    claimed_by        TEXT,
    claimed_at        TIMESTAMPTZ,
    queued_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_changed_by TEXT,
    status_changed_at TIMESTAMPTZ,
    PRIMARY KEY (paper_id, team)
);
CREATE INDEX reading_item_team_status_idx ON reading_item (team, status);

-- Reading notes, one row per field of the three passes, the insights and the implementation spec.
CREATE TABLE note_field (
    paper_id   TEXT        NOT NULL,
    field      TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    prefilled  BOOLEAN     NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    search     TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', value)) STORED,
    PRIMARY KEY (paper_id, field)
);
CREATE INDEX note_field_search_idx ON note_field USING GIN (search);

-- Every change of a note field: who, when, what it became.
CREATE TABLE note_edit (
    seq        BIGSERIAL   PRIMARY KEY,
    paper_id   TEXT        NOT NULL,
    field      TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    prefilled  BOOLEAN     NOT NULL,
    edited_by  TEXT        NOT NULL,
    edited_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX note_edit_paper_idx ON note_edit (paper_id, seq DESC);

-- The parsed full text (latest version) and the numeric claims found in it and in the abstract.
CREATE TABLE paper_parsed (
    paper_id        TEXT        PRIMARY KEY,
    version         INT         NOT NULL,
    parser          TEXT        NOT NULL,
    sections        TEXT        NOT NULL,
    algorithms      TEXT        NOT NULL,
    code_links      TEXT[]      NOT NULL,
    reference_count INT         NOT NULL,
    has_limitations BOOLEAN     NOT NULL,
    has_appendix    BOOLEAN     NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE numeric_claim (
    paper_id TEXT             NOT NULL,
    source   TEXT             NOT NULL,
    ordinal  INT              NOT NULL,
    kind     TEXT             NOT NULL,
    value    DOUBLE PRECISION NOT NULL,
    unit     TEXT             NOT NULL,
    quantity TEXT             NOT NULL,
    phrase   TEXT             NOT NULL,
    context  TEXT             NOT NULL,
    PRIMARY KEY (paper_id, source, ordinal)
);
