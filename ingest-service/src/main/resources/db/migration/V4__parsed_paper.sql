-- The parsed full text of a paper version (the paper.parsed payload), served by GET .../fulltext.
-- PDFs themselves are never stored here (arXiv's terms: cache for parsing only, never serve).
CREATE TABLE parsed_paper (
    arxiv_id  TEXT        NOT NULL,
    version   INT         NOT NULL CHECK (version > 0),
    parser    TEXT        NOT NULL,
    payload   TEXT        NOT NULL,
    parsed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (arxiv_id, version)
);
