-- Where each OAI-PMH harvest (set + metadata format) stands: the resumption token of the page to
-- fetch next while a list is open, and the date the next incremental harvest starts from.
CREATE TABLE oai_harvest (
    name            TEXT PRIMARY KEY,
    set_spec        TEXT,
    metadata_prefix TEXT        NOT NULL,
    next_from       TEXT,
    resumption_token TEXT,
    harvested       BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
