CREATE TABLE team_profile (
    team         TEXT        PRIMARY KEY,
    categories   TEXT[]      NOT NULL,
    terms        JSONB       NOT NULL,
    seed_papers  TEXT[]      NOT NULL,
    match_all    BOOLEAN     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One vote per team and paper; a new vote replaces the old one.
CREATE TABLE feedback (
    team      TEXT        NOT NULL,
    paper_id  TEXT        NOT NULL,
    vote      SMALLINT    NOT NULL CHECK (vote IN (-1, 1)),
    voted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (team, paper_id)
);
