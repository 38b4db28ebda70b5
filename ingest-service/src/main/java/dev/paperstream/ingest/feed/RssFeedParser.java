package dev.paperstream.ingest.feed;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads rss.arxiv.org's RSS 2.0 feeds. The versioned id comes from the guid
 * ({@code oai:arXiv.org:2604.21935v1}) or the description's "arXiv:2604.21935v1 Announce Type: new"
 * line; a replacement arrives as a higher version of a known id, so it becomes a new version rather
 * than a new paper. Weekend and holiday feeds have no items, which is normal.
 */
public final class RssFeedParser {
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final Pattern DESCRIPTION = Pattern.compile(
            "^\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*(?:Abstract:)?(.*)$", Pattern.DOTALL);
    private static final Pattern GUID = Pattern.compile("^oai:arXiv\\.org:(.+)$");

    private RssFeedParser() {
    }

    /** One item with how arXiv announced it: new, cross, replace or replace-cross. */
    public record Item(PaperDiscovered paper, String announceType) {
    }

    public record Feed(List<Item> items, List<Rejection> rejected) {
        public FeedPage toPage() {
            return new FeedPage(items.stream().map(Item::paper).toList(), rejected, items.size() + rejected.size(),
                    0, -1);
        }
    }

    public static boolean isRss(XMLStreamReader root) {
        return "rss".equals(root.getLocalName()) && (root.getNamespaceURI() == null || root.getNamespaceURI().isEmpty());
    }

    /** Reads the rest of a feed whose reader stands on the root {@code rss} element. */
    public static Feed parseFeed(XMLStreamReader r) {
        try {
            List<Item> items = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            int position = 0;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!"channel".equals(r.getLocalName())) {
                    StaxText.skip(r);
                    continue;
                }
                while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    if ("item".equals(r.getLocalName()) && noNamespace(r)) {
                        position++;
                        readItem(r, position, items, rejected);
                    } else {
                        StaxText.skip(r);
                    }
                }
            }
            return new Feed(items, rejected);
        } catch (XMLStreamException e) {
            throw SafeXml.unreadable(e);
        }
    }

    private static void readItem(XMLStreamReader r, int position, List<Item> items, List<Rejection> rejected)
            throws XMLStreamException {
        PaperDraft d = new PaperDraft();
        String guid = null;
        String description = null;
        String announceType = null;
        String pubDate = null;
        String creators = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (noNamespace(r)) {
                switch (name) {
                    case "title" -> d.title = StaxText.text(r);
                    case "guid" -> guid = StaxText.text(r).trim();
                    case "description" -> description = StaxText.text(r);
                    case "category" -> d.categories.add(StaxText.text(r).trim());
                    case "pubDate" -> pubDate = StaxText.text(r).trim();
                    default -> StaxText.skip(r);
                }
            } else if (AtomFeedParser.ARXIV.equals(ns) && "announce_type".equals(name)) {
                announceType = StaxText.text(r).trim();
            } else if (DC.equals(ns) && "creator".equals(name)) {
                creators = StaxText.text(r);
            } else {
                StaxText.skip(r);
            }
        }
        Matcher desc = description == null ? null : DESCRIPTION.matcher(description);
        boolean described = desc != null && desc.matches();
        Matcher g = guid == null ? null : GUID.matcher(guid);
        d.id = g != null && g.matches() ? g.group(1) : described ? desc.group(1) : null;
        if (announceType == null && described) {
            announceType = desc.group(2);
        }
        d.summary = described ? desc.group(3) : description;
        if (creators != null) {
            for (String author : Whitespace.normalize(creators).split("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+")) {
                d.authors.add(author);
            }
        }
        String item = d.id == null ? "item " + position : d.id;
        try {
            d.published = pubDate == null ? null : rfc1123(pubDate);
            items.add(new Item(d.toPaper(PaperSource.RSS), announceType == null ? "new" : announceType));
        } catch (IllegalArgumentException e) {
            rejected.add(new Rejection(item, e.getMessage()));
        }
    }

    private static boolean noNamespace(XMLStreamReader r) {
        return r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty();
    }

    private static String rfc1123(String date) {
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("pubDate '" + date + "' is not an RFC 1123 date");
        }
    }
}
