package dev.paperstream.ingest.feed;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OAI-PMH ListRecords (or GetRecord) response from arXiv in the {@code arXivRaw},
 * {@code arXiv} or {@code oai_dc} format. {@code noRecordsMatch} is an empty page; any other OAI error
 * ({@code badResumptionToken}, {@code badArgument}, ...) is an {@link OaiErrorException}. The
 * resumption token, when present, is returned with the page. Records of the {@code arXiv} format name no
 * version: they come back as {@link UnnumberedVersion}s for the importer to number.
 */
public final class OaiPmhParser {
    public static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String ARXIV = "http://arxiv.org/OAI/arXiv/";
    static final String ARXIV_RAW = "http://arxiv.org/OAI/arXivRaw/";
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static final String OAI_ID_PREFIX = "oai:arXiv.org:";

    private OaiPmhParser() {
    }

    /** A page of records and where the harvest goes on ({@code resumptionToken} empty at the end). */
    public record Page(FeedPage page, String resumptionToken, String responseDate) {
    }

    public static boolean isOaiPmh(XMLStreamReader root) {
        return OAI.equals(root.getNamespaceURI()) && "OAI-PMH".equals(root.getLocalName());
    }

    /** Reads the rest of a response whose reader stands on the root {@code OAI-PMH} element. */
    public static Page parse(XMLStreamReader r) {
        try {
            List<PaperDiscovered> papers = new ArrayList<>();
            List<UnnumberedVersion> unnumbered = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            String token = "";
            String responseDate = null;
            long total = -1;
            long cursor = -1;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("error".equals(name)) {
                    String code = r.getAttributeValue(null, "code");
                    String message = Whitespace.normalize(readText(r));
                    if ("noRecordsMatch".equals(code)) {
                        continue;
                    }
                    throw new OaiErrorException(code, message);
                } else if ("responseDate".equals(name)) {
                    responseDate = readText(r).trim();
                } else if ("ListRecords".equals(name) || "GetRecord".equals(name)) {
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if ("record".equals(r.getLocalName())) {
                            readRecord(r, papers, unnumbered, rejected);
                        } else if ("resumptionToken".equals(r.getLocalName())) {
                            String size = r.getAttributeValue(null, "completeListSize");
                            String at = r.getAttributeValue(null, "cursor");
                            total = size == null ? -1 : Long.parseLong(size.trim());
                            cursor = at == null ? -1 : Long.parseLong(at.trim());
                            token = readText(r).trim();
                        } else {
                            readText(r);
                        }
                    }
                } else {
                    readText(r);
                }
            }
            return new Page(new FeedPage(papers, unnumbered, rejected, total, cursor, -1), token, responseDate);
        } catch (XMLStreamException e) {
            throw SafeXml.unreadable(e);
        } catch (NumberFormatException e) {
            throw new UnreadableDocumentException("resumptionToken has a non-numeric attribute: " + e.getMessage());
        }
    }

    private static void readRecord(XMLStreamReader r, List<PaperDiscovered> papers,
            List<UnnumberedVersion> unnumbered, List<Rejection> rejected) throws XMLStreamException {
        String identifier = null;
        boolean deleted = false;
        List<String> sets = new ArrayList<>();
        Fields fields = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("header".equals(r.getLocalName())) {
                deleted = "deleted".equals(r.getAttributeValue(null, "status"));
                while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    String v = readText(r).trim();
                    if ("identifier".equals(n)) {
                        identifier = v;
                    } else if ("setSpec".equals(n)) {
                        sets.add(v);
                    }
                }
            } else if ("metadata".equals(r.getLocalName())) {
                r.nextTag();
                fields = Fields.read(r);
            } else {
                readText(r);
            }
        }
        String item = identifier == null
                ? "record " + (papers.size() + unnumbered.size() + rejected.size() + 1) : identifier;
        if (deleted) {
            rejected.add(new Rejection(item, "deleted record"));
            return;
        }
        if (fields == null) {
            rejected.add(new Rejection(item, "record without metadata"));
            return;
        }
        try {
            PaperDiscovered paper = toDraft(fields, identifier, sets).toPaper(PaperSource.OAI);
            if (ARXIV.equals(fields.format)) {
                unnumbered.add(new UnnumberedVersion(item, paper,
                        paper.updated() == null ? null : LocalDate.ofInstant(paper.updated(), ZoneOffset.UTC)));
            } else {
                papers.add(paper);
            }
        } catch (IllegalArgumentException e) {
            rejected.add(new Rejection(item, e.getMessage()));
        }
    }

    private static PaperDraft toDraft(Fields f, String identifier, List<String> sets) {
        PaperDraft d = new PaperDraft();
        String id = f.first("id");
        if (id == null && identifier != null && identifier.startsWith(OAI_ID_PREFIX)) {
            id = identifier.substring(OAI_ID_PREFIX.length());
        }
        d.title = f.first("title");
        d.summary = f.first("abstract");
        d.comment = f.first("comments");
        d.journalRef = f.first("journal-ref");
        d.doi = f.first("doi");
        switch (f.format) {
            case ARXIV_RAW -> {
                List<String> versions = f.all("version@version");
                List<String> dates = f.all("date");
                if (versions.isEmpty() || dates.isEmpty()) {
                    throw new IllegalArgumentException("arXivRaw record without versions");
                }
                d.id = id + versions.get(versions.size() - 1);
                d.published = rfc1123(dates.get(0));
                d.updated = dates.size() > 1 ? rfc1123(dates.get(dates.size() - 1)) : null;
                splitAuthors(f.first("authors"), d.authors);
                splitCategories(f.first("categories"), d.categories);
            }
            case ARXIV -> {
                // no version numbers: <updated> (the day of the latest version) is only there when there are
                // several, so this is the version when nothing is stored; the importer decides against the store
                d.updated = f.first("updated");
                d.id = id + (d.updated == null ? "v1" : "v2");
                d.published = f.first("created");
                d.authors.addAll(f.all("author"));
                splitCategories(f.first("categories"), d.categories);
            }
            default -> {
                List<String> dates = f.all("date");
                d.id = id + "v" + Math.max(1, dates.size());
                d.title = f.first("title");
                d.summary = f.first("description");
                d.published = dates.isEmpty() ? null : dates.get(0);
                d.updated = dates.size() > 1 ? dates.get(dates.size() - 1) : null;
                for (String creator : f.all("creator")) {
                    String[] parts = creator.split(",\\s*", 2);
                    d.authors.add(parts.length == 2 ? parts[1] + " " + parts[0] : creator);
                }
                // oai_dc gives subject names, not codes: the OAI sets are the closest codes it has
                sets.forEach(s -> d.categories.add(s.replace(':', '.')));
            }
        }
        return d;
    }

    private static void splitAuthors(String authors, List<String> out) {
        if (authors != null) {
            for (String a : Whitespace.normalize(authors).split("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+")) {
                out.add(a);
            }
        }
    }

    private static void splitCategories(String categories, List<String> out) {
        if (categories != null) {
            for (String c : categories.trim().split("\\s+")) {
                out.add(c);
            }
        }
    }

    private static String rfc1123(String date) {
        return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime().toString();
    }

    static String readText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                sb.append(r.getText());
            }
        }
        return sb.toString();
    }

    /** The metadata element's children by local name; arXiv's author elements become "forenames keyname suffix". */
    private static final class Fields {
        final String format;
        final Map<String, List<String>> values = new LinkedHashMap<>();

        Fields(String format) {
            this.format = format;
        }

        static Fields read(XMLStreamReader r) throws XMLStreamException {
            Fields f = new Fields(r.getNamespaceURI() == null ? "" : r.getNamespaceURI());
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("authors".equals(name) && ARXIV.equals(f.format)) {
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        Map<String, String> parts = new LinkedHashMap<>();
                        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            parts.put(r.getLocalName(), Whitespace.normalize(readText(r)));
                        }
                        f.add("author", String.join(" ", parts.getOrDefault("forenames", ""),
                                parts.getOrDefault("keyname", ""), parts.getOrDefault("suffix", "")).trim());
                    }
                } else if ("version".equals(name) && ARXIV_RAW.equals(f.format)) {
                    f.add("version@version", r.getAttributeValue(null, "version"));
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        String child = r.getLocalName();
                        f.add(child, readText(r).trim());
                    }
                } else {
                    f.add(name, readText(r));
                }
            }
            // leave the reader on the metadata end tag
            r.nextTag();
            return f;
        }

        void add(String name, String value) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }

        String first(String name) {
            List<String> v = values.get(name);
            return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }
    }
}
