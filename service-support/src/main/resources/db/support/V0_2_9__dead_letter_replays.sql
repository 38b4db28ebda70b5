-- Which dead letters an admin has replayed (see service-support DeadLetterQueue), so a second replay skips them.
CREATE TABLE dead_letter_replay (
    dead_letter_topic     TEXT        NOT NULL,
    dead_letter_partition INT         NOT NULL,
    dead_letter_offset    BIGINT      NOT NULL,
    replayed_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (dead_letter_topic, dead_letter_partition, dead_letter_offset)
);
