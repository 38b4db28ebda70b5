package dev.paperstream.priority.citations;

import dev.paperstream.priority.citations.CitationProvider.ProviderUnavailable;
import dev.paperstream.support.net.OutboundUrls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP to a rate-limited provider: at most one request per interval (shared by all callers of this
 * instance), and on 429 or 5xx a retry after the server's Retry-After or an exponential back-off. Every
 * request, and every redirect it is sent on, is checked with {@link OutboundUrls} first: the client's own
 * redirect following would take it to any address a redirect names.
 */
final class PoliteHttp {
    private static final int MAX_REDIRECTS = 5;
    private final HttpClient client;
    private final Duration minInterval;
    private final int maxRetries;
    private final String provider;
    private final OutboundUrls outbound;
    private long nextAllowedNanos = System.nanoTime();

    PoliteHttp(String provider, Duration timeout, Duration minInterval, int maxRetries, OutboundUrls outbound) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.provider = provider;
        this.outbound = outbound;
        this.minInterval = minInterval;
        this.maxRetries = maxRetries;
    }

    String send(HttpRequest request) {
        Duration backOff = Duration.ofSeconds(1);
        int redirects = 0;
        int attempt = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                outbound.check(request.uri());
                waitForTurn();
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new ProviderUnavailable(provider + " unreachable: " + why, e);
            } catch (OutboundUrls.Refused e) {
                throw new ProviderUnavailable(provider + " is not called: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailable(provider + " request interrupted", e);
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (isRedirect(status) && redirects < MAX_REDIRECTS) {
                request = redirected(request, response);
                redirects++;
                continue;
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= maxRetries) {
                throw new ProviderUnavailable(provider + " answered " + status
                        + (retryable ? " after " + (attempt + 1) + " tries" : ""), null);
            }
            Duration wait = retryAfter(response).orElse(backOff);
            backOff = backOff.multipliedBy(2);
            sleep(wait);
            attempt++;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The request the redirect asks for, as the client's NORMAL policy makes it: no https to http, POST to GET on 301-303. */
    private HttpRequest redirected(HttpRequest request, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new ProviderUnavailable(provider + " answered " + response.statusCode()
                        + " without a Location", null));
        URI next;
        try {
            next = request.uri().resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailable(provider + " redirected to a URL that cannot be read", e);
        }
        if ("https".equalsIgnoreCase(request.uri().getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw new ProviderUnavailable(provider + " redirected from https to " + next.getScheme(), null);
        }
        boolean toGet = response.statusCode() <= 303 && !request.method().equals("GET");
        HttpRequest.Builder b = HttpRequest.newBuilder(request,
                (name, value) -> !toGet || !name.equalsIgnoreCase("Content-Type")).uri(next);
        return (toGet ? b.GET() : b).build();
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
