package dev.paperstream.priority.citations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.priority.citations.CitationProvider.ProviderUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Citation counts with a cache that expires. Scoring only reads the cache, so that a slow or
 * rate-limited provider never holds up the consumer; the scheduled re-scoring refreshes the cache in
 * batches. A count that could not be fetched is unknown, and the reason says why.
 */
@ApplicationScoped
public class CitationsLookup {
    private static final Logger LOG = Logger.getLogger(CitationsLookup.class);

    private final Optional<CitationProvider> provider;
    private final Duration ttl;
    private final Duration failureTtl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile Instant retryAfter = Instant.MIN;
    private volatile String lastFailure;

    private record Cached(CitationCount count, Instant expires) {
    }

    @Inject
    public CitationsLookup(CitationsConfig config, @RestClient SemanticScholarApi s2, @RestClient OpenAlexApi openAlex,
            ObjectMapper json, OutboundUrls outbound) {
        this(provider(config, s2, openAlex, json, outbound), config.cacheTtl(), config.failureTtl(), Clock.systemUTC());
    }

    public CitationsLookup(Optional<CitationProvider> provider, Duration ttl, Duration failureTtl, Clock clock) {
        this.provider = provider;
        this.ttl = ttl;
        this.failureTtl = failureTtl;
        this.clock = clock;
    }

    static Optional<CitationProvider> provider(CitationsConfig c, SemanticScholarApi s2, OpenAlexApi openAlex,
            ObjectMapper json, OutboundUrls outbound) {
        return switch (c.provider().trim().toLowerCase(Locale.ROOT)) {
            case "none", "" -> Optional.empty();
            case "semantic-scholar", "s2" -> Optional.of(new SemanticScholar(c.s2Url(), c.s2ApiKey(), s2, json,
                    outbound));
            case "openalex" -> Optional.of(new OpenAlex(c.openalexUrl(), c.openalexMailto(), openAlex, json,
                    outbound));
            default -> throw new IllegalArgumentException("paperstream.citations.provider must be none, "
                    + "semantic-scholar or openalex, not '" + c.provider() + "'");
        };
    }

    /** The cached count, or unknown with the reason; never calls the provider. */
    public CitationCount cached(String arxivId) {
        if (provider.isEmpty()) {
            return CitationCount.unknown("no provider configured");
        }
        Cached c = cache.get(arxivId);
        if (c != null && c.expires().isAfter(clock.instant())) {
            return c.count();
        }
        String failure = lastFailure;
        return CitationCount.unknown(failure != null ? failure : "not fetched yet from " + provider.get().name());
    }

    /** Fetches the counts of the ids whose cache entry is missing or expired, in the provider's batches. */
    public void refresh(List<String> arxivIds) {
        if (provider.isEmpty() || clock.instant().isBefore(retryAfter)) {
            return;
        }
        CitationProvider p = provider.get();
        Instant now = clock.instant();
        List<String> stale = arxivIds.stream().distinct()
                .filter(id -> !cache.containsKey(id) || !cache.get(id).expires().isAfter(now)).toList();
        for (int from = 0; from < stale.size(); from += p.batchSize()) {
            List<String> batch = new ArrayList<>(stale.subList(from, Math.min(stale.size(), from + p.batchSize())));
            try {
                Map<String, Integer> counts = p.citations(batch);
                Instant expires = clock.instant().plus(ttl);
                for (String id : batch) {
                    Integer n = counts.get(id);
                    cache.put(id, new Cached(n == null ? CitationCount.unknown("not indexed by " + p.name())
                            : new CitationCount(n, p.name()), expires));
                }
                lastFailure = null;
            } catch (ProviderUnavailable e) {
                lastFailure = e.getMessage();
                retryAfter = clock.instant().plus(failureTtl);
                LOG.warnf("citations stay unknown for now: %s", e.getMessage());
                return;
            }
        }
    }
}
