-- Every draft a model wrote (or failed to write usefully): who asked, which model, what it cost.
CREATE TABLE note_draft (
    id                bigserial PRIMARY KEY,
    paper_id          text        NOT NULL,
    kind              text        NOT NULL,
    team              text        NOT NULL,
    endpoint          text        NOT NULL,
    model             text        NOT NULL,
    fields_drafted    int         NOT NULL,
    prompt_tokens     int         NOT NULL,
    completion_tokens int         NOT NULL,
    outcome           text        NOT NULL,
    requested_by      text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX note_draft_paper ON note_draft (paper_id, created_at DESC);

-- Tokens a team spent (or holds reserved for a draft under way) on a UTC day; the check against the
-- budget and the addition are one statement, so instances cannot overspend together.
CREATE TABLE draft_token_usage (
    team   text   NOT NULL,
    day    date   NOT NULL,
    tokens bigint NOT NULL,
    PRIMARY KEY (team, day)
);
