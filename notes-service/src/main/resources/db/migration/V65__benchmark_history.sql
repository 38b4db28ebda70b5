-- The benchmark history follows one device and one kernel build over time. The kernel build comes with
-- benchmark.completed since kernel-service sends it (null for results stored before, shown as "unreported");
-- the device key (kind:name) is derived from the stored device JSON so that the history's lookup has an index.
ALTER TABLE benchmark_result ADD COLUMN kernel_build TEXT;
ALTER TABLE benchmark_result ADD COLUMN device_key TEXT
    GENERATED ALWAYS AS ((device::jsonb ->> 'kind') || ':' || (device::jsonb ->> 'name')) STORED;
CREATE INDEX benchmark_result_history_idx ON benchmark_result (device_key, kernel_build, completed_at DESC);
