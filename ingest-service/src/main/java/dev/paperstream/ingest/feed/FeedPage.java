package dev.paperstream.ingest.feed;

import dev.paperstream.events.PaperDiscovered;
import java.util.List;

/**
 * One page of a feed: the papers read from it and the items that could not be read. The paging
 * numbers are those the feed declares (OpenSearch in the query API); -1 when it declares none.
 */
public record FeedPage(List<PaperDiscovered> papers, List<Rejection> rejected,
        long totalResults, long startIndex, long itemsPerPage) {

    public FeedPage {
        papers = List.copyOf(papers);
        rejected = List.copyOf(rejected);
    }

    public int itemCount() {
        return papers.size() + rejected.size();
    }
}
