package dev.paperstream.ingest.feed;

import dev.paperstream.events.PaperDiscovered;
import java.util.List;

/**
 * One page of a feed: the papers read from it, the papers whose version the store must decide
 * (formats without version numbers), and the items that could not be read. The paging numbers are
 * those the feed declares (OpenSearch in the query API); -1 when it declares none.
 */
public record FeedPage(List<PaperDiscovered> papers, List<UnnumberedVersion> unnumbered, List<Rejection> rejected,
        long totalResults, long startIndex, long itemsPerPage) {

    public FeedPage {
        papers = List.copyOf(papers);
        unnumbered = List.copyOf(unnumbered);
        rejected = List.copyOf(rejected);
    }

    /** A page of a format whose records all name their version. */
    public FeedPage(List<PaperDiscovered> papers, List<Rejection> rejected,
            long totalResults, long startIndex, long itemsPerPage) {
        this(papers, List.of(), rejected, totalResults, startIndex, itemsPerPage);
    }

    public int itemCount() {
        return papers.size() + unnumbered.size() + rejected.size();
    }
}
