package dev.paperstream.ingest.imports;

import dev.paperstream.ingest.feed.AtomFeedParser;
import dev.paperstream.ingest.feed.FeedPage;
import dev.paperstream.ingest.feed.OaiPmhParser;
import dev.paperstream.ingest.feed.RssFeedParser;
import dev.paperstream.ingest.feed.SafeXml;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamReader;

/** Picks the parser for an imported document from its media type and, for generic XML, its root element. */
@ApplicationScoped
public class DocumentReader {

    /** The media types {@code POST /api/imports} reads, for the 415 answer. */
    public static final String SUPPORTED = "application/atom+xml, application/rss+xml, application/xml, application/x-ndjson";

    /** arXiv's metadata snapshot, JSON Lines; streamed, not buffered. */
    public static final String SNAPSHOT = "application/x-ndjson";

    public boolean supports(String mediaType) {
        return switch (mediaType) {
            case "application/atom+xml", "application/rss+xml", "application/xml", "text/xml" -> true;
            case SNAPSHOT -> true;
            default -> false;
        };
    }

    public FeedPage read(String mediaType, byte[] body) {
        if (body.length == 0) {
            throw new UnreadableDocumentException("the body is empty");
        }
        XMLStreamReader root = SafeXml.openAtRoot(new ByteArrayInputStream(body));
        if (AtomFeedParser.isAtomFeed(root)) {
            FeedPage page = AtomFeedParser.parseFeed(root);
            SafeXml.finish(root);
            return page;
        }
        if (RssFeedParser.isRss(root)) {
            FeedPage page = RssFeedParser.parseFeed(root).toPage();
            SafeXml.finish(root);
            return page;
        }
        if (OaiPmhParser.isOaiPmh(root)) {
            FeedPage page = OaiPmhParser.parse(root).page();
            SafeXml.finish(root);
            return page;
        }
        throw new UnreadableDocumentException("unsupported document for " + mediaType + ": the root element is "
                + SafeXml.qualifiedName(root) + "; expected an Atom feed, an RSS 2.0 feed or an OAI-PMH response");
    }
}
