-- One row each time a team's relevance model is retrained on a different set of examples: how many, and the
-- held-out AUC of cross-validation on them (null while there are too few examples to learn from).
CREATE TABLE relevance_model_history (
    seq           BIGSERIAL        PRIMARY KEY,
    team          TEXT             NOT NULL,
    trained_at    TIMESTAMPTZ      NOT NULL,
    liked         INT              NOT NULL,
    disliked      INT              NOT NULL,
    held_out_auc  DOUBLE PRECISION,
    folds         INT              NOT NULL,
    fingerprint   TEXT             NOT NULL
);
CREATE INDEX relevance_model_history_team ON relevance_model_history (team, seq);
