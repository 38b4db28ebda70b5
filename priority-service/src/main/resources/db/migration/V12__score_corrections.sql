-- A person's correction of a paper's type (for every team) or of its relevance to one team, with the reason;
-- every later score of the paper uses it. A new correction of the same thing replaces the old one.
CREATE TABLE type_correction (
    paper_id      TEXT        PRIMARY KEY,
    paper_type    TEXT        NOT NULL,
    reason        TEXT        NOT NULL,
    corrected_by  TEXT        NOT NULL,
    corrected_at  TIMESTAMPTZ NOT NULL
);
CREATE TABLE relevance_correction (
    paper_id      TEXT        NOT NULL,
    team          TEXT        NOT NULL,
    relevance     INT         NOT NULL CHECK (relevance BETWEEN 1 AND 5),
    reason        TEXT        NOT NULL,
    corrected_by  TEXT        NOT NULL,
    corrected_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (paper_id, team)
);
-- Which corrections a stored score applied (null: none); a new correction makes a new score even when the
-- points stay the same, so the reason reaches the history and paper.scored.
ALTER TABLE score ADD COLUMN correction TEXT;
