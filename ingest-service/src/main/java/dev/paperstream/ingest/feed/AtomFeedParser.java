package dev.paperstream.ingest.feed;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an arXiv query API response (Atom 1.0 with the arxiv and OpenSearch extensions). Both
 * serializations arXiv has used parse: the legacy one that declares namespaces on each element and the
 * current one that declares them on the feed. An entry that cannot be read becomes a {@link Rejection};
 * a document that cannot be read at all is an {@link UnreadableDocumentException}.
 */
public final class AtomFeedParser {
    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String ARXIV = "http://arxiv.org/schemas/atom";
    public static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

    private AtomFeedParser() {
    }

    public static boolean isAtomFeed(XMLStreamReader root) {
        return ATOM.equals(root.getNamespaceURI()) && "feed".equals(root.getLocalName());
    }

    public static FeedPage parse(InputStream in) {
        XMLStreamReader r = SafeXml.openAtRoot(in);
        if (!isAtomFeed(r)) {
            throw new UnreadableDocumentException("not an Atom feed: the root element is "
                    + SafeXml.qualifiedName(r) + ", expected {" + ATOM + "}feed");
        }
        FeedPage page = parseFeed(r);
        SafeXml.finish(r);
        return page;
    }

    /** Reads the rest of a feed whose reader stands on the root {@code feed} element. */
    public static FeedPage parseFeed(XMLStreamReader r) {
        try {
            List<PaperDiscovered> papers = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            long total = -1;
            long start = -1;
            long perPage = -1;
            int position = 0;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String ns = r.getNamespaceURI();
                String name = r.getLocalName();
                if (ATOM.equals(ns) && "entry".equals(name)) {
                    position++;
                    PaperDraft draft = readEntry(r);
                    String item = draft.id == null || draft.id.isBlank() ? "entry " + position : draft.id.trim();
                    if (draft.id != null && draft.id.contains("/api/errors")) {
                        throw new ArxivApiErrorException("the document is an arXiv API error feed: "
                                + Whitespace.normalize(draft.summary));
                    }
                    try {
                        papers.add(draft.toPaper(PaperSource.API));
                    } catch (IllegalArgumentException e) {
                        rejected.add(new Rejection(item, e.getMessage()));
                    }
                } else if (OPENSEARCH.equals(ns)) {
                    long value = number(StaxText.text(r), name);
                    switch (name) {
                        case "totalResults" -> total = value;
                        case "startIndex" -> start = value;
                        case "itemsPerPage" -> perPage = value;
                        default -> { }
                    }
                } else {
                    StaxText.skip(r);
                }
            }
            return new FeedPage(papers, rejected, total, start, perPage);
        } catch (XMLStreamException e) {
            throw SafeXml.unreadable(e);
        }
    }

    private static PaperDraft readEntry(XMLStreamReader r) throws XMLStreamException {
        PaperDraft d = new PaperDraft();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> d.id = StaxText.text(r);
                    case "title" -> d.title = StaxText.text(r);
                    case "summary" -> d.summary = StaxText.text(r);
                    case "published" -> d.published = StaxText.text(r);
                    case "updated" -> d.updated = StaxText.text(r);
                    case "author" -> d.authors.add(authorName(r));
                    case "category" -> {
                        String term = StaxText.attribute(r, "term");
                        if (term != null) {
                            d.categories.add(term);
                        }
                        StaxText.skip(r);
                    }
                    default -> StaxText.skip(r);
                }
            } else if (ARXIV.equals(ns)) {
                switch (name) {
                    case "primary_category" -> {
                        d.primaryCategory = StaxText.attribute(r, "term");
                        StaxText.skip(r);
                    }
                    case "comment" -> d.comment = StaxText.text(r);
                    case "journal_ref" -> d.journalRef = StaxText.text(r);
                    case "doi" -> d.doi = StaxText.text(r);
                    default -> StaxText.skip(r);
                }
            } else {
                StaxText.skip(r);
            }
        }
        return d;
    }

    private static String authorName(XMLStreamReader r) throws XMLStreamException {
        String name = "";
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (ATOM.equals(r.getNamespaceURI()) && "name".equals(r.getLocalName())) {
                name = StaxText.text(r);
            } else {
                StaxText.skip(r);
            }
        }
        return name;
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UnreadableDocumentException("opensearch:" + field + " '" + text.trim() + "' is not a number");
        }
    }
}
