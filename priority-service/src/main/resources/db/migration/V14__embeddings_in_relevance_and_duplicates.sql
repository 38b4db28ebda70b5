-- A retraining measures its held-out AUC twice: on TF-IDF alone (held_out_auc, as before) and with the papers'
-- embeddings appended (null while none of the examples has an embedding); embedded counts those that had one.
ALTER TABLE relevance_model_history ADD COLUMN held_out_auc_with_embeddings DOUBLE PRECISION;
ALTER TABLE relevance_model_history ADD COLUMN embedded INT NOT NULL DEFAULT 0;

-- A paper found, once embedded, to be the same work as a paper embedded before it (semantic.NearDuplicates).
-- Kept so that every later score of the paper (re-scoring pass, votes, new versions) carries the note.
CREATE TABLE paper_duplicate (
    paper_id      TEXT             PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    duplicate_of  TEXT             NOT NULL,
    cosine        DOUBLE PRECISION NOT NULL,
    found_at      TIMESTAMPTZ      NOT NULL DEFAULT now()
);

-- The duplicate a score names: a newly found one stores and publishes the score again even when its points
-- are the same, as a new correction does.
ALTER TABLE score ADD COLUMN duplicate_of TEXT;
