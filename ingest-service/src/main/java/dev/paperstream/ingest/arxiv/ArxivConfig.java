package dev.paperstream.ingest.arxiv;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where arXiv is and how politely to talk to it (DESIGN.md, "arXiv etiquette"). */
@ConfigMapping(prefix = "paperstream.arxiv")
public interface ArxivConfig {
    Duration FLOOR = Duration.ofSeconds(3);

    @WithDefault("https://export.arxiv.org/api/query")
    URI apiUrl();

    @WithDefault("https://rss.arxiv.org/rss")
    URI rssUrl();

    @WithDefault("https://oaipmh.arxiv.org/oai")
    URI oaiUrl();

    @WithDefault("https://arxiv.org/pdf")
    URI pdfUrl();

    /** Time between two requests to arXiv across all instances; may be raised, never lowered below 3 s. */
    @WithDefault("PT3S")
    Duration minInterval();

    /**
     * The operator's e-mail address, sent in the User-Agent so that arXiv can reach whoever runs this
     * harvester ({@code PAPERSTREAM_ARXIV_CONTACT}). No default: an invented address is never sent, and
     * scheduled polling does not run without a real one ({@link ArxivContact}).
     */
    Optional<String> contact();

    /** Attempts per request, the first included, before a 5xx, 429 or unreachable arXiv is given up on. */
    @WithDefault("4")
    int maxAttempts();

    /**
     * Longest a request waits for a back-off arXiv asked for (its own or another instance's); a request
     * that would wait longer fails at once with the time to retry.
     */
    @WithDefault("PT10M")
    Duration maxRetryAfter();

    /** Retry-After values above this are taken as this (an absurd or mistaken value must not stop us for good). */
    @WithDefault("PT6H")
    Duration retryAfterCap();

    /** The shared back-off after a 429 without Retry-After. */
    @WithDefault("PT60S")
    Duration tooManyRequestsBackoff();

    @WithDefault("PT10S")
    Duration connectTimeout();

    @WithDefault("PT60S")
    Duration requestTimeout();

    /** The interval actually used: the configured one, raised to the 3 s floor. */
    default Duration effectiveInterval() {
        return minInterval().compareTo(FLOOR) < 0 ? FLOOR : minInterval();
    }
}
