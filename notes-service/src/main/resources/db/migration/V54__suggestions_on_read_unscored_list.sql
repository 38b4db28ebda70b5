-- The notes' suggestions from a paper's metadata and scores are worked out when the notes are read: the
-- stored ones (and the abstract's claims) would only shadow newer suggestions. Their history rows stay.
DELETE FROM note_field WHERE prefilled AND updated_by = 'prefill:metadata';
DELETE FROM numeric_claim WHERE source = 'abstract';

-- Papers no team has scored yet, for the listing's tail. A flag on paper cost a second version of every
-- paper row when its first score arrived (its full-text vector recomputed, every index written again).
CREATE TABLE paper_unscored (
    paper_id  TEXT        PRIMARY KEY,
    published TIMESTAMPTZ NOT NULL
);
CREATE INDEX paper_unscored_published_idx ON paper_unscored (published DESC, paper_id);
INSERT INTO paper_unscored (paper_id, published) SELECT id, published FROM paper WHERE NOT scored;
DROP INDEX paper_unscored_idx;
ALTER TABLE paper DROP COLUMN scored;

-- A scored paper is in its team's reading queue without a row of its own (QueueRepository); a row is kept
-- once a person claims the item or changes its status.
DELETE FROM reading_item WHERE status = 'NOT_STARTED' AND claimed_by IS NULL AND status_changed_by IS NULL;
