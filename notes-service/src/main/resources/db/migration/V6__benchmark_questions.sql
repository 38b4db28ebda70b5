-- A benchmark answers a question about a configuration, not about a paper: one row per canonical
-- configuration key with its current job; papers asking the same question share that job while it is fresh.
CREATE TABLE benchmark_question (
    question_key TEXT        PRIMARY KEY,
    config       TEXT        NOT NULL,
    job_id       TEXT        NOT NULL UNIQUE,
    status       TEXT        NOT NULL,
    reason       TEXT,
    requested_at TIMESTAMPTZ NOT NULL,
    answered_at  TIMESTAMPTZ
);

-- Every job ever requested for a question, so that a paper keeps the results of earlier windows too.
CREATE TABLE benchmark_question_job (
    job_id       TEXT        PRIMARY KEY,
    question_key TEXT        NOT NULL REFERENCES benchmark_question (question_key),
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX benchmark_question_job_question_idx ON benchmark_question_job (question_key);

-- Which papers ask which question. No foreign key: a paper may link to a question whose request another
-- transaction is committing at the same moment.
CREATE TABLE paper_benchmark (
    paper_id     TEXT        NOT NULL,
    question_key TEXT        NOT NULL,
    linked_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (paper_id, question_key)
);
CREATE INDEX paper_benchmark_question_idx ON paper_benchmark (question_key);

-- One request per paper is what flooded the kernel queue; the link above replaces it. Results of earlier
-- requests stay attached to their paper through benchmark_result.paper_id.
DROP TABLE benchmark_request;
