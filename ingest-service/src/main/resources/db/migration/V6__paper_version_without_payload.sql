-- The event JSON was stored twice, here and in the outbox, and never read from here (Kafka holds the
-- events); the index on discovered_at served no query. Both cost a bulk import time on every row.
ALTER TABLE paper_version DROP COLUMN payload;
DROP INDEX paper_version_discovered_at;
