package dev.paperstream.priority.citations;

import dev.paperstream.priority.citations.CitationProvider.ProviderUnavailable;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP to a rate-limited provider: at most one request per interval (shared by all callers of this
 * instance), and on 429 or 5xx a retry after the server's Retry-After or an exponential back-off.
 */
final class PoliteHttp {
    private final HttpClient client;
    private final Duration minInterval;
    private final int maxRetries;
    private final String provider;
    private long nextAllowedNanos = System.nanoTime();

    PoliteHttp(String provider, Duration timeout, Duration minInterval, int maxRetries) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.provider = provider;
        this.minInterval = minInterval;
        this.maxRetries = maxRetries;
    }

    String send(HttpRequest request) {
        Duration backOff = Duration.ofSeconds(1);
        for (int attempt = 0;; attempt++) {
            HttpResponse<String> response;
            try {
                waitForTurn();
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new ProviderUnavailable(provider + " unreachable: " + why, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailable(provider + " request interrupted", e);
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= maxRetries) {
                throw new ProviderUnavailable(provider + " answered " + status
                        + (retryable ? " after " + (attempt + 1) + " tries" : ""), null);
            }
            Duration wait = retryAfter(response).orElse(backOff);
            backOff = backOff.multipliedBy(2);
            sleep(wait);
        }
    }

    private synchronized void waitForTurn() throws InterruptedException {
        long now = System.nanoTime();
        if (nextAllowedNanos > now) {
            Thread.sleep((nextAllowedNanos - now) / 1_000_000, (int) ((nextAllowedNanos - now) % 1_000_000));
        }
        nextAllowedNanos = Math.max(now, nextAllowedNanos) + minInterval.toNanos();
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(60, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(provider + " back-off interrupted", e);
        }
    }
}
