-- Requests of one configuration share a job within the dedupe window; each device has a daily budget and a
-- queue cap, and admins may cancel queued jobs.
ALTER TABLE benchmark_job DROP CONSTRAINT benchmark_job_status_check;
ALTER TABLE benchmark_job ADD CONSTRAINT benchmark_job_status_check
    CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REJECTED', 'CANCELLED'));
ALTER TABLE benchmark_job ADD COLUMN config_key TEXT;
CREATE INDEX benchmark_job_config ON benchmark_job (config_key, created_at DESC) WHERE config_key IS NOT NULL;
CREATE INDEX benchmark_job_day ON benchmark_job (queue, created_at);

-- A request answered by another job of the same configuration: its own job id (what the requester waits
-- for) and paper; the answering job publishes one benchmark.completed per attachment as well.
CREATE TABLE benchmark_attachment (
    job_id      TEXT        PRIMARY KEY,
    answered_by TEXT        NOT NULL REFERENCES benchmark_job (job_id),
    paper_id    TEXT,
    attached_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX benchmark_attachment_answered_by ON benchmark_attachment (answered_by);
