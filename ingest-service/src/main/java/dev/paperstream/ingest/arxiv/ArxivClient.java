package dev.paperstream.ingest.arxiv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every request ingest sends to arXiv goes through here: one at a time and spaced across all
 * instances ({@link ArxivRateLimiter}), with a User-Agent that names a contact, no redirects, a retry
 * with back-off on 5xx that honours 503 Retry-After, and a full stop on 403.
 */
public class ArxivClient {
    private static final Logger LOG = Logger.getLogger(ArxivClient.class);

    private final ArxivRateLimiter limiter;
    private final ArxivConfig config;
    private final HttpClient http;
    private final String userAgent;

    public ArxivClient(ArxivRateLimiter limiter, ArxivConfig config) {
        this.limiter = limiter;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.userAgent = "Paperstream/0.1 (research paper triage; mailto:" + config.contact() + ")";
    }

    public String userAgent() {
        return userAgent;
    }

    /** GETs the URI; answers any 2xx/3xx/4xx other than 403 as it is, retries 5xx. */
    public ArxivResponse get(URI uri) {
        Duration backoff = config.effectiveInterval();
        for (int attempt = 1; ; attempt++) {
            limiter.blocked().ifPresent(b -> {
                throw new ArxivUnavailableException("arXiv refused us with 403 at " + b.since() + " (" + b.reason()
                        + "); polling is stopped until an operator clears it", true);
            });
            HttpResponse<byte[]> response;
            try (ArxivRateLimiter.Permit permit = limiter.acquire()) {
                response = http.send(HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                        .header("User-Agent", userAgent).header("Accept-Encoding", "identity").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                response = null;
                if (attempt >= config.maxAttempts()) {
                    throw new ArxivUnavailableException("cannot reach " + uri + ": " + e.getMessage(), false);
                }
                LOG.warnf("request to %s failed (%s), attempt %d of %d", uri, e.getMessage(), attempt,
                        config.maxAttempts());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArxivUnavailableException("interrupted while calling " + uri, false);
            }
            if (response != null) {
                int status = response.statusCode();
                if (status == 403) {
                    String reason = "403 from " + uri;
                    limiter.block(reason);
                    LOG.errorf("arXiv answered %s: all polling stops until the block is cleared", reason);
                    throw new ArxivUnavailableException("arXiv refused the request (" + reason + ")", true);
                }
                if (status < 500) {
                    return new ArxivResponse(uri, status,
                            response.headers().firstValue("Content-Type").orElse(""), response.body());
                }
                if (attempt >= config.maxAttempts()) {
                    throw new ArxivUnavailableException("arXiv answered " + status + " for " + uri + " "
                            + attempt + " times", false);
                }
                Optional<Duration> retryAfter = status == 503 ? retryAfter(response) : Optional.empty();
                if (retryAfter.isPresent() && retryAfter.get().compareTo(config.maxRetryAfter()) > 0) {
                    throw new ArxivUnavailableException("arXiv asks to retry after " + retryAfter.get()
                            + ", longer than paperstream.arxiv.max-retry-after", false);
                }
                Duration wait = retryAfter.orElse(backoff);
                LOG.warnf("arXiv answered %d for %s; retrying in %s (attempt %d of %d)", status, uri, wait,
                        attempt, config.maxAttempts());
                sleep(wait);
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    /** Retry-After as delta-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(ArxivClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArxivUnavailableException("interrupted while backing off", false);
        }
    }
}
