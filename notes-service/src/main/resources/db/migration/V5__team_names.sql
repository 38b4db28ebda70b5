-- The teams seen in scores, for the UI's filter: reading them from paper_score scanned every score.
CREATE TABLE team (name TEXT PRIMARY KEY);
INSERT INTO team (name) SELECT DISTINCT team FROM paper_score;
