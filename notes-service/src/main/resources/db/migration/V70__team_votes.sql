-- What each person voted, per paper and team, as the priority service accepted it: the pages mark a person's own
-- vote from here without asking priority for every row. Priority owns the votes (they train its models); a row
-- is written only after priority has taken the vote, and a person's new vote replaces their old one.
CREATE TABLE team_vote (
    paper_id  TEXT        NOT NULL,
    team      TEXT        NOT NULL,
    voter     TEXT        NOT NULL,
    vote      TEXT        NOT NULL CHECK (vote IN ('up', 'down', 'not-relevant')),
    voted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (paper_id, team, voter)
);
