package dev.paperstream.ingest.arxiv;

import dev.paperstream.ingest.feed.AtomFeedParser;
import dev.paperstream.ingest.feed.FeedPage;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The arXiv query API: one page ({@code start}, {@code max_results} up to 2000) or every page of a
 * search, newest first. The error feed (HTTP 400 with an entry titled Error) becomes an
 * {@link dev.paperstream.ingest.feed.ArxivApiErrorException} with arXiv's message.
 */
@ApplicationScoped
public class ArxivQueryApi {
    public static final int MAX_PAGE = 2000;

    private final ArxivClient client;
    private final ArxivConfig config;

    public ArxivQueryApi(ArxivClient client, ArxivConfig config) {
        this.client = client;
        this.config = config;
    }

    /** What a harvest did: pages fetched, entries seen, and the total arXiv reported. */
    public record Harvest(int pages, int entries, long totalResults) {
    }

    public FeedPage page(String searchQuery, int start, int maxResults) {
        if (maxResults < 1 || maxResults > MAX_PAGE) {
            throw new IllegalArgumentException("max_results must be 1.." + MAX_PAGE + ", was " + maxResults);
        }
        URI uri = URI.create(config.apiUrl() + "?search_query=" + URLEncoder.encode(searchQuery, StandardCharsets.UTF_8)
                + "&start=" + start + "&max_results=" + maxResults + "&sortBy=submittedDate&sortOrder=descending");
        ArxivResponse response = client.get(uri);
        if (response.status() != 200 && response.status() != 400) {
            throw new ArxivUnavailableException("arXiv API answered " + response.status() + " for " + uri, false);
        }
        FeedPage page = AtomFeedParser.parse(new ByteArrayInputStream(response.body()));
        if (response.status() == 400) {
            // a 400 without the error entry still is an error, just without arXiv's explanation
            throw new UnreadableDocumentException("arXiv API answered 400 for " + uri);
        }
        return page;
    }

    /** Fetches pages of {@code pageSize} until the total, an empty page, or {@code maxEntries}. */
    public Harvest harvest(String searchQuery, int pageSize, int maxEntries, Consumer<FeedPage> sink) {
        int start = 0;
        int pages = 0;
        long total = -1;
        while (start < maxEntries) {
            FeedPage page = page(searchQuery, start, Math.min(pageSize, maxEntries - start));
            pages++;
            total = page.totalResults();
            if (page.itemCount() == 0) {
                break;
            }
            sink.accept(page);
            start += page.itemCount();
            if (total >= 0 && start >= total) {
                break;
            }
        }
        return new Harvest(pages, start, total);
    }
}
