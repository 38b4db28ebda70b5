package dev.paperstream.priority.citations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.support.net.OutboundUrls;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAlex works, found by the DataCite DOI arXiv gives every paper ({@code 10.48550/arXiv.<id>}):
 * {@code GET /works?filter=doi:a|b&select=doi,cited_by_count&per-page=50}. Pacing, retries and time-out are
 * {@link OpenAlexApi}'s.
 */
public final class OpenAlex implements CitationProvider {
    private static final String DOI_PREFIX = "10.48550/arxiv.";
    private final URI base;
    private final String mailto;
    private final OpenAlexApi api;
    private final ObjectMapper json;
    private final OutboundUrls outbound;

    /** {@code base} is where {@code api} sends its requests, checked with {@code outbound} before each. */
    public OpenAlex(URI base, Optional<String> mailto, OpenAlexApi api, ObjectMapper json, OutboundUrls outbound) {
        this.base = base;
        this.mailto = mailto.filter(m -> !m.isBlank()).orElse(null);
        this.api = api;
        this.json = json;
        this.outbound = outbound;
    }

    @Override
    public String name() {
        return "OpenAlex";
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public Map<String, Integer> citations(List<String> arxivIds) {
        Map<String, Integer> out = new HashMap<>();
        if (arxivIds.isEmpty()) {
            return out;
        }
        Map<String, String> byDoi = new HashMap<>();
        arxivIds.forEach(id -> byDoi.put(DOI_PREFIX + id.toLowerCase(Locale.ROOT), id));
        String filter = "doi:" + String.join("|", byDoi.keySet());
        try {
            JsonNode answer = json.readTree(ProviderCalls.body(name(), base, outbound,
                    () -> api.works(filter, "doi,cited_by_count", batchSize(), mailto)));
            JsonNode results = answer.get("results");
            if (results == null || !results.isArray()) {
                throw new ProviderUnavailable(name() + " answered without a results array", null);
            }
            for (JsonNode work : results) {
                String doi = work.path("doi").asText("").toLowerCase(Locale.ROOT).replaceFirst("^https?://doi\\.org/", "");
                String id = byDoi.get(doi);
                if (id != null && work.hasNonNull("cited_by_count")) {
                    out.put(id, work.get("cited_by_count").asInt());
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new ProviderUnavailable(name() + " answered JSON that cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
