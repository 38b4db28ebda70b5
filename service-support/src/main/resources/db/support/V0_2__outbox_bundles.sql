-- A row of the outbox holds one event, or a bundle of many (bulk imports; see OutboxBundle): PostgreSQL
-- spent most of a bulk import on writing, locking and deleting one row per event.
ALTER TABLE outbox
    ADD COLUMN events INT NOT NULL DEFAULT 1 CHECK (events > 0),
    ADD COLUMN bundle BYTEA,
    ALTER COLUMN topic DROP NOT NULL,
    ALTER COLUMN ce_type DROP NOT NULL,
    ALTER COLUMN payload DROP NOT NULL,
    ADD CONSTRAINT outbox_one_event_or_a_bundle CHECK (
        (bundle IS NULL AND topic IS NOT NULL AND ce_type IS NOT NULL AND payload IS NOT NULL AND events = 1)
        OR (bundle IS NOT NULL AND topic IS NULL AND ce_type IS NULL AND payload IS NULL AND event_key IS NULL));

-- the writer compresses bundles already: PostgreSQL's compression would only spend CPU on them
ALTER TABLE outbox ALTER COLUMN bundle SET STORAGE EXTERNAL;
