-- A signed-in browser. The cookie holds a random id; only its SHA-256 is stored, so the table alone signs
-- nobody in. The API token the person signed in with is kept sealed with a key derived from that id (the
-- team page passes it on to the priority service), so it too is readable only with the cookie.
CREATE TABLE web_session (
    id_hash      TEXT        PRIMARY KEY,
    principal    TEXT        NOT NULL,
    roles        TEXT        NOT NULL,
    sealed_token BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_session_expires_idx ON web_session (expires_at);

-- Per-team Atom feed tokens, for feed readers that cannot sign in. Stored as SHA-256; a revoked token
-- stays listed (who made it, when it was revoked) but opens nothing.
CREATE TABLE feed_token (
    id         BIGSERIAL   PRIMARY KEY,
    team       TEXT        NOT NULL,
    token_hash TEXT        NOT NULL UNIQUE,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ
);
CREATE INDEX feed_token_team_idx ON feed_token (team);
