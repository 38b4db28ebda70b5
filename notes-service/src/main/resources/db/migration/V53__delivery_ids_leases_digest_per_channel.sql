-- Each delivery keeps one id across all its attempts (the Standard Webhooks webhook-id): a receiver that got an
-- attempt whose outcome was never recorded recognises the repeat.
ALTER TABLE notification ADD COLUMN delivery_id UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE notification ADD CONSTRAINT notification_delivery_id_key UNIQUE (delivery_id);

-- A worker claims due deliveries with a lease in a short transaction and sends outside any transaction;
-- claim_token tells its own claim from a later one after the lease ran out.
ALTER TABLE notification ADD COLUMN claimed_until TIMESTAMPTZ;
ALTER TABLE notification ADD COLUMN claim_token UUID;

-- Every HTTP channel signs (Slack's too, for receivers that can check); channels stored without a secret get a
-- generated one (whsec_ + base64 of 32 bytes; gen_random_uuid draws from the server's strong random source).
UPDATE team_channel
SET secret = 'whsec_' || encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'),
                                'base64')
WHERE kind IN ('slack', 'webhook') AND secret IS NULL;

-- The digest as sent to one channel: a fixed list of papers under one delivery id, so that a channel that
-- failed gets the same message again, and channels that succeeded get nothing more.
CREATE TABLE digest_delivery (
    id            BIGSERIAL   PRIMARY KEY,
    delivery_id   UUID        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    team          TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    target        TEXT        NOT NULL,
    paper_ids     TEXT[]      NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'PENDING',
    attempts      INT         NOT NULL DEFAULT 0,
    claimed_until TIMESTAMPTZ,
    claim_token   UUID,
    last_error    TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at  TIMESTAMPTZ
);
CREATE INDEX digest_delivery_pending_idx ON digest_delivery (team) WHERE status = 'PENDING';
