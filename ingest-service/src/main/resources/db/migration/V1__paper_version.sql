-- Every (arXiv id, version) ingest has seen, whatever the source; the primary key is what makes a
-- re-import a duplicate instead of a second paper.discovered.
CREATE TABLE paper_version (
    arxiv_id         TEXT        NOT NULL,
    version          INT         NOT NULL CHECK (version > 0),
    title            TEXT        NOT NULL,
    primary_category TEXT        NOT NULL,
    published        TIMESTAMPTZ NOT NULL,
    updated          TIMESTAMPTZ,
    source           TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    discovered_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (arxiv_id, version)
);

CREATE INDEX paper_version_discovered_at ON paper_version (discovered_at);
