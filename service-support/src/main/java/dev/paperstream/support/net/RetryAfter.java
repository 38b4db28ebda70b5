package dev.paperstream.support.net;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The one reader of HTTP's {@code Retry-After} (RFC 9110 10.2.3): delay-seconds or an HTTP-date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * How long the server asked us to wait, seen at {@code now}; a date in the past or a negative number is
     * no wait at all, and a value that is neither a number nor a date is empty (the caller backs off on its own).
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(c -> c == '-' || Character.isDigit(c))) {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException tooLong) {
                // more digits than a long holds: a very long wait, which every caller caps anyway
                return v.startsWith("-") ? Optional.of(Duration.ZERO) : Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
            }
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    public static Optional<Duration> parse(String value) {
        return parse(value, Instant.now());
    }
}
