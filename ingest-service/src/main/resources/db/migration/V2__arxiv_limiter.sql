-- One row shared by every instance: when the last request to arXiv ended (by the database clock) and
-- whether arXiv has refused us with 403. The advisory lock that serialises requests is taken on top.
CREATE TABLE arxiv_limiter (
    name             TEXT PRIMARY KEY,
    last_request_end TIMESTAMPTZ NOT NULL DEFAULT 'epoch',
    blocked_at       TIMESTAMPTZ,
    blocked_reason   TEXT
);

INSERT INTO arxiv_limiter (name) VALUES ('arxiv');
