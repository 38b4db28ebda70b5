package dev.paperstream.ingest.arxiv;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

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

    /** Contact address sent in the User-Agent so that arXiv can reach whoever runs this harvester. */
    @WithDefault("paperstream-operator@example.org")
    String contact();

    /** Attempts per request, the first included, before a 5xx or 503 is given up on. */
    @WithDefault("4")
    int maxAttempts();

    /** Longest Retry-After that is honoured by waiting; a longer one fails the request. */
    @WithDefault("PT10M")
    Duration maxRetryAfter();

    @WithDefault("PT10S")
    Duration connectTimeout();

    @WithDefault("PT60S")
    Duration requestTimeout();

    /** The interval actually used: the configured one, raised to the 3 s floor. */
    default Duration effectiveInterval() {
        return minInterval().compareTo(FLOOR) < 0 ? FLOOR : minInterval();
    }
}
