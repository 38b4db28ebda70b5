package dev.paperstream.ingest.arxiv;

import dev.paperstream.support.net.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every request ingest sends to arXiv (API, RSS, OAI-PMH, PDFs) goes through here: one at a time and
 * spaced across all instances ({@link ArxivRateLimiter}), with a User-Agent that names the operator's
 * contact when there is one, no redirects. What arXiv says about our pace applies to every instance:
 * a 403 stops all requests until an admin clears it, and a 429 or 5xx (with its Retry-After, else a
 * default) pauses all of them; the request that got it retries after the pause, up to max-attempts.
 */
public class ArxivClient {
    private static final Logger LOG = Logger.getLogger(ArxivClient.class);

    private final ArxivRateLimiter limiter;
    private final ArxivConfig config;
    private final HttpClient http;
    private final String userAgent;

    public ArxivClient(ArxivRateLimiter limiter, ArxivConfig config, String userAgent) {
        this.limiter = limiter;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.userAgent = userAgent;
    }

    public String userAgent() {
        return userAgent;
    }

    /** GETs the URI; answers any 2xx/3xx/4xx other than 403 and 429 as it is, retries 429 and 5xx. */
    public ArxivResponse get(URI uri) {
        Duration backoff = config.effectiveInterval();
        for (int attempt = 1; ; attempt++) {
            IOException failure = null;
            try (ArxivRateLimiter.Permit permit = limiter.acquire(config.maxRetryAfter())) {
                HttpResponse<byte[]> response;
                try {
                    response = http.send(HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                            .header("User-Agent", userAgent).header("Accept-Encoding", "identity").GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    failure = e;
                    response = null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ArxivUnavailableException("interrupted while calling " + uri, false);
                }
                if (response != null) {
                    int status = response.statusCode();
                    if (status == 403) {
                        String reason = "403 from " + uri;
                        permit.block(reason);
                        LOG.errorf("arXiv answered %s: every request to arXiv stops until an admin clears the"
                                + " block (DELETE /api/arxiv/block)", reason);
                        throw new ArxivUnavailableException("arXiv refused the request (" + reason + ")",
                                ArxivUnavailableException.Kind.BLOCKED, null);
                    }
                    if (status != 429 && status < 500) {
                        return new ArxivResponse(uri, status,
                                response.headers().firstValue("Content-Type").orElse(""), response.body());
                    }
                    Duration pause = pause(status, retryAfter(response), backoff);
                    String reason = status + " from " + uri;
                    // shared before this permit is released: no instance sends before the pause ends
                    permit.backOff(pause, reason);
                    if (attempt >= config.maxAttempts()) {
                        throw new ArxivUnavailableException("arXiv answered " + status + " for " + uri + " "
                                + attempt + " times", ArxivUnavailableException.Kind.BACKING_OFF,
                                Instant.now().plus(pause));
                    }
                    LOG.warnf("arXiv answered %d for %s; every instance waits %s (attempt %d of %d)", status, uri,
                            pause, attempt, config.maxAttempts());
                    backoff = backoff.multipliedBy(2);
                    continue;
                }
            }
            // a failed connection reached nobody at arXiv: only this request waits before trying again
            if (attempt >= config.maxAttempts()) {
                throw new ArxivUnavailableException("cannot reach " + uri + ": " + failure.getMessage(),
                        ArxivUnavailableException.Kind.UNAVAILABLE, null);
            }
            LOG.warnf("request to %s failed (%s), attempt %d of %d", uri, failure.getMessage(), attempt,
                    config.maxAttempts());
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    /** How long every instance pauses after a 429 or 5xx: Retry-After (capped) if given, else a default. */
    private Duration pause(int status, Optional<Duration> retryAfter, Duration backoff) {
        Duration asked = retryAfter.orElse(status == 429 ? config.tooManyRequestsBackoff() : backoff);
        if (asked.compareTo(config.retryAfterCap()) > 0) {
            LOG.warnf("arXiv asked to wait %s; waiting paperstream.arxiv.retry-after-cap (%s) instead", asked,
                    config.retryAfterCap());
            return config.retryAfterCap();
        }
        return asked;
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse);
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
