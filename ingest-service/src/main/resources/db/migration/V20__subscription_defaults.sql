-- Marks that a fresh install has been given the default subscriptions, so that a team which later
-- removes them all is not given them again at the next start.
CREATE TABLE subscription_defaults (
    team       TEXT PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
