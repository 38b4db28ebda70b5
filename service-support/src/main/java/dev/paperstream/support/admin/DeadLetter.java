package dev.paperstream.support.admin;

import java.time.Instant;

/**
 * One record on a dead-letter topic, as an admin sees it: where it lies, why it is there (the
 * {@code dead-letter-*} headers), where it came from, and its payload cut to {@link #PAYLOAD_MAX} characters.
 * {@code replayedAt} is set once it was replayed.
 */
public record DeadLetter(String channel, String topic, int partition, long offset, Instant timestamp, String key,
        String reason, String exceptionClass, String cause, String originalTopic, Integer originalPartition,
        Long originalOffset, String payload, boolean payloadTruncated, Instant replayedAt) {
    public static final int PAYLOAD_MAX = 4096;

    DeadLetter replayed(Instant at) {
        return new DeadLetter(channel, topic, partition, offset, timestamp, key, reason, exceptionClass, cause,
                originalTopic, originalPartition, originalOffset, payload, payloadTruncated, at);
    }
}
