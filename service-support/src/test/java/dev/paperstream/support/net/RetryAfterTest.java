package dev.paperstream.support.net;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-30T20:00:00Z");

    @Test
    void delaySecondsAreReadAsSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilThatDate() {
        assertThat(RetryAfter.parse("Mon, 30 Nov 2026 20:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastOrANegativeNumberMeansNoWait() {
        assertThat(RetryAfter.parse("Mon, 30 Nov 2026 19:59:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", NOW)).contains(Duration.ZERO);
    }

    @Test
    void somethingElseOrNothingIsNoAnswer() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void aNumberTooLargeForALongIsAVeryLongWait() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void theMapperTurnsBusyAnswersIntoServerBusyWithTheirRetryAfter() {
        ServerBusyMapper mapper = new ServerBusyMapper();
        assertThat(mapper.handles(429, null)).isTrue();
        assertThat(mapper.handles(503, null)).isTrue();
        assertThat(mapper.handles(500, null)).isFalse();
        assertThat(mapper.handles(404, null)).isFalse();

        ServerBusyException e = mapper.toThrowable(Response.status(503).header("Retry-After", "7").build());
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e).hasMessage("answered 503 (Retry-After 7 s)");
        assertThat(mapper.toThrowable(Response.status(429).build()).retryAfter()).isEqualTo(Optional.empty());
    }
}
