-- The triage list sorts by priority, score and publication date; keeping the date beside the score (and a
-- flag on the paper for "has a score") lets PostgreSQL walk one index instead of sorting every row.
ALTER TABLE paper_score ADD COLUMN published TIMESTAMPTZ;
UPDATE paper_score s SET published = p.published FROM paper p WHERE p.id = s.paper_id;
ALTER TABLE paper ADD COLUMN scored BOOLEAN NOT NULL DEFAULT false;
UPDATE paper p SET scored = true WHERE EXISTS (SELECT 1 FROM paper_score s WHERE s.paper_id = p.id);

DROP INDEX paper_score_rank_idx;
DROP INDEX paper_score_team_idx;
CREATE INDEX paper_score_listing_idx ON paper_score (priority_rank, score DESC, published DESC, paper_id, team)
    WHERE published IS NOT NULL;
CREATE INDEX paper_score_team_listing_idx ON paper_score (team, priority_rank, score DESC, published DESC, paper_id)
    WHERE published IS NOT NULL;
CREATE INDEX paper_unscored_idx ON paper (published DESC, id) WHERE NOT scored;
