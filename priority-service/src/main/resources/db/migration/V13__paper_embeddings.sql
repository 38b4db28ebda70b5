-- Embeddings of title and abstract (all-MiniLM-L6-v2, 384 floats of unit length), one per paper, computed by
-- semantic.EmbeddingWorker after the paper's first score. Stored as real[] because the embedded PostgreSQL
-- of tests and the launcher has no pgvector; the service searches them in memory (README, "Related papers").
CREATE TABLE paper_embedding (
    paper_id     TEXT        PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    model        TEXT        NOT NULL,
    embedding    REAL[]      NOT NULL,
    embedded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Papers whose title or abstract is new or changed and must be embedded (again). The worker leases rows
-- (FOR UPDATE SKIP LOCKED, then leased_until) instead of holding locks while it embeds, so that enqueueing
-- never waits for the model; it deletes a row only if its seq is still the one it leased, so a text changed
-- while it was being embedded is embedded again.
CREATE SEQUENCE embedding_queue_seq;
CREATE TABLE embedding_queue (
    paper_id      TEXT        PRIMARY KEY,
    seq           BIGINT      NOT NULL DEFAULT nextval('embedding_queue_seq'),
    leased_until  TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0
);
CREATE INDEX embedding_queue_order ON embedding_queue (seq);

-- Statement-level triggers with transition tables: one INSERT ... SELECT per statement, so the consumer's
-- batch upsert (up to 2,000 papers) pays one extra statement, not one per row, and no Java write path of
-- the paper table can forget to enqueue.
CREATE FUNCTION enqueue_inserted_papers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO embedding_queue (paper_id) SELECT id FROM inserted_papers
    ON CONFLICT (paper_id) DO UPDATE SET seq = nextval('embedding_queue_seq'), leased_until = NULL, attempts = 0;
    RETURN NULL;
END $$;

CREATE FUNCTION enqueue_changed_papers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO embedding_queue (paper_id)
    SELECT n.id FROM changed_new n JOIN changed_old o ON o.id = n.id
    WHERE n.title IS DISTINCT FROM o.title OR n.abstract IS DISTINCT FROM o.abstract
    ON CONFLICT (paper_id) DO UPDATE SET seq = nextval('embedding_queue_seq'), leased_until = NULL, attempts = 0;
    RETURN NULL;
END $$;

CREATE TRIGGER paper_inserted_to_embed AFTER INSERT ON paper
    REFERENCING NEW TABLE AS inserted_papers
    FOR EACH STATEMENT EXECUTE PROCEDURE enqueue_inserted_papers();

CREATE TRIGGER paper_text_changed_to_embed AFTER UPDATE ON paper
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE PROCEDURE enqueue_changed_papers();

-- papers stored before this migration are embedded by the worker too
INSERT INTO embedding_queue (paper_id) SELECT id FROM paper ORDER BY published;
