package dev.paperstream.priority.citations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.support.net.OutboundUrls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAlex works, found by the DataCite DOI arXiv gives every paper ({@code 10.48550/arXiv.<id>}):
 * {@code GET /works?filter=doi:a|b&select=doi,cited_by_count&per-page=50}.
 */
public final class OpenAlex implements CitationProvider {
    private static final String DOI_PREFIX = "10.48550/arxiv.";
    private final String baseUrl;
    private final Optional<String> mailto;
    private final Duration timeout;
    private final PoliteHttp http;
    private final ObjectMapper json;

    public OpenAlex(String baseUrl, Optional<String> mailto, Duration timeout, Duration minInterval, int maxRetries,
            ObjectMapper json, OutboundUrls outbound) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.mailto = mailto;
        this.timeout = timeout;
        this.http = new PoliteHttp(name(), timeout, minInterval, maxRetries, outbound);
        this.json = json;
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
        String url = baseUrl + "/works?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                + "&select=doi,cited_by_count&per-page=" + batchSize()
                + mailto.map(m -> "&mailto=" + URLEncoder.encode(m, StandardCharsets.UTF_8)).orElse("");
        try {
            JsonNode answer = json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build()));
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
