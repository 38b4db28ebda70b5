-- A vote is a person's: one per team, paper and voter (the principal that cast it); a person's new vote
-- replaces their old one. Votes stored before this migration keep the voter '' (the team's own vote).
-- "not relevant to us" is a down vote (-1) that says why.
ALTER TABLE feedback ADD COLUMN voter TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN not_relevant BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE feedback ADD CONSTRAINT feedback_not_relevant_is_down CHECK (NOT not_relevant OR vote = -1);
ALTER TABLE feedback DROP CONSTRAINT feedback_pkey;
ALTER TABLE feedback ADD PRIMARY KEY (team, paper_id, voter);
