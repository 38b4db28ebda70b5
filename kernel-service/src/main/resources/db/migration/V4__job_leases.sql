-- A running job is leased by the instance that runs it and renewed by its heartbeat; a job whose lease expired
-- (its instance died) is taken back by any instance. V4, not V3: another change may take V3 (out-of-order is on).
ALTER TABLE benchmark_job ADD COLUMN lease_owner TEXT;
ALTER TABLE benchmark_job ADD COLUMN lease_until TIMESTAMPTZ;
-- every claim increments it: with lease_owner the fencing token that every update of a running job checks
ALTER TABLE benchmark_job ADD COLUMN lease_count INTEGER NOT NULL DEFAULT 0;
-- runs started and not given back by a graceful stop; a claim that would start one past the limit fails the job
ALTER TABLE benchmark_job ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
-- jobs left RUNNING by a version without leases have no lease: they count as expired and are taken back
CREATE INDEX benchmark_job_lease ON benchmark_job (queue, lease_until) WHERE status = 'RUNNING';
