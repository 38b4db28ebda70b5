package dev.paperstream.priority.citations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.support.net.OutboundUrls;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Semantic Scholar Graph API, batch lookup: {@code POST /paper/batch?fields=citationCount} with
 * {@code {"ids": ["ARXIV:2205.14135", ...]}}; the answer is an array in the same order, with
 * {@code null} for ids it does not know. Pacing, retries and time-out are {@link SemanticScholarApi}'s.
 */
public final class SemanticScholar implements CitationProvider {
    private final URI base;
    private final String apiKey;
    private final SemanticScholarApi api;
    private final ObjectMapper json;
    private final OutboundUrls outbound;

    /** {@code base} is where {@code api} sends its requests, checked with {@code outbound} before each. */
    public SemanticScholar(URI base, Optional<String> apiKey, SemanticScholarApi api, ObjectMapper json,
            OutboundUrls outbound) {
        this.base = base;
        this.apiKey = apiKey.filter(k -> !k.isBlank()).orElse(null);
        this.api = api;
        this.json = json;
        this.outbound = outbound;
    }

    @Override
    public String name() {
        return "Semantic Scholar";
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public Map<String, Integer> citations(List<String> arxivIds) {
        Map<String, Integer> out = new HashMap<>();
        if (arxivIds.isEmpty()) {
            return out;
        }
        try {
            Map<String, List<String>> ids = Map.of("ids", arxivIds.stream().map(id -> "ARXIV:" + id).toList());
            JsonNode answer = json.readTree(ProviderCalls.body(name(), base, outbound,
                    () -> api.batch("citationCount", apiKey, ids)));
            if (!answer.isArray() || answer.size() != arxivIds.size()) {
                throw new ProviderUnavailable(name() + " answered " + (answer.isArray() ? answer.size() + " entries for "
                        + arxivIds.size() + " ids" : "something other than an array"), null);
            }
            for (int i = 0; i < arxivIds.size(); i++) {
                JsonNode paper = answer.get(i);
                if (paper != null && paper.hasNonNull("citationCount")) {
                    out.put(arxivIds.get(i), paper.get("citationCount").asInt());
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new ProviderUnavailable(name() + " answered JSON that cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
