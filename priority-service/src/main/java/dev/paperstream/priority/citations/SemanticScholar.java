package dev.paperstream.priority.citations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.support.net.OutboundUrls;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Semantic Scholar Graph API, batch lookup: {@code POST /paper/batch?fields=citationCount} with
 * {@code {"ids": ["ARXIV:2205.14135", ...]}}; the answer is an array in the same order, with
 * {@code null} for ids it does not know.
 */
public final class SemanticScholar implements CitationProvider {
    private final String baseUrl;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final PoliteHttp http;
    private final ObjectMapper json;

    public SemanticScholar(String baseUrl, Optional<String> apiKey, Duration timeout, Duration minInterval,
            int maxRetries, ObjectMapper json, OutboundUrls outbound) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = new PoliteHttp(name(), timeout, minInterval, maxRetries, outbound);
        this.json = json;
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
            String body = json.writeValueAsString(Map.of("ids", arxivIds.stream().map(id -> "ARXIV:" + id).toList()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/paper/batch?fields=citationCount"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            apiKey.filter(k -> !k.isBlank()).ifPresent(k -> request.header("x-api-key", k));
            JsonNode answer = json.readTree(http.send(request.build()));
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
