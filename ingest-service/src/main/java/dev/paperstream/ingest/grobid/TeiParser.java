package dev.paperstream.ingest.grobid;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.feed.CodeLinks;
import dev.paperstream.ingest.feed.SafeXml;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import dev.paperstream.ingest.feed.Whitespace;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads GROBID's TEI (processFulltextDocument): sections of the body and back matter with their
 * headings, figure and table captions, "Algorithm N" figures, the number of bibliography entries,
 * code links anywhere in the text or in link targets, and whether there is a limitations section or
 * an appendix.
 */
public final class TeiParser {
    public static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final Pattern ALGORITHM = Pattern.compile("(?i)^\\s*(algorithm\\s+\\d+)\\b.*", Pattern.DOTALL);
    private static final Pattern LIMITATIONS = Pattern.compile("(?i).*\\blimitations?\\b.*");
    private static final Pattern APPENDIX = Pattern.compile("(?i)^\\s*(appendix|appendices|supplementary)\\b.*");

    private TeiParser() {
    }

    /** What the TEI says about the paper, without the arXiv id and version (the caller knows those). */
    public record Structure(String parser, List<PaperParsed.Section> sections, List<String> figureCaptions,
            List<String> tableCaptions, List<PaperParsed.AlgorithmBlock> algorithms, int referenceCount,
            List<String> codeLinks, boolean hasLimitations, boolean hasAppendix) {

        public PaperParsed toEvent(String id, int version) {
            return new PaperParsed(id, version, parser, sections, figureCaptions, tableCaptions, algorithms,
                    referenceCount, codeLinks, hasLimitations, hasAppendix);
        }
    }

    public static Structure parse(InputStream in) {
        Document doc = SafeXml.parseDom(in);
        Element root = doc.getDocumentElement();
        if (!TEI.equals(root.getNamespaceURI()) || !"TEI".equals(root.getLocalName())) {
            throw new UnreadableDocumentException("not a GROBID TEI document: the root element is {"
                    + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        List<PaperParsed.Section> sections = new ArrayList<>();
        boolean appendix = false;
        for (Element part : elements(root, "body")) {
            addSections(part, sections);
        }
        for (Element back : elements(root, "back")) {
            for (Element div : children(back, "div")) {
                String type = div.getAttribute("type");
                if ("references".equals(type)) {
                    continue;
                }
                appendix |= "annex".equals(type);
                addSections(div, sections);
            }
        }
        List<String> figures = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<PaperParsed.AlgorithmBlock> algorithms = new ArrayList<>();
        for (Element figure : elements(root, "figure")) {
            String head = text(first(figure, "head"));
            String caption = Whitespace.normalize(head + " " + text(first(figure, "figDesc")));
            var algorithm = ALGORITHM.matcher(head.isBlank() ? caption : head);
            if (algorithm.matches()) {
                algorithms.add(new PaperParsed.AlgorithmBlock(Whitespace.normalize(algorithm.group(1)),
                        Whitespace.normalize(text(figure))));
            } else if (!caption.isEmpty()) {
                ("table".equals(figure.getAttribute("type")) ? tables : figures).add(caption);
            }
        }
        int references = 0;
        for (Element list : elements(root, "listBibl")) {
            references += children(list, "biblStruct").size();
        }
        // only the paper's own text: the header names GROBID's repository, which is not the paper's code
        List<String> linkSources = new ArrayList<>();
        for (Element text : children(root, "text")) {
            linkSources.add(text(text));
            for (String tag : List.of("ref", "ptr")) {
                for (Element ref : elements(text, tag)) {
                    linkSources.add(ref.getAttribute("target"));
                }
            }
        }
        boolean limitations = sections.stream().anyMatch(s -> LIMITATIONS.matcher(s.heading()).matches());
        appendix |= sections.stream().anyMatch(s -> APPENDIX.matcher(s.heading()).matches());
        return new Structure(parserName(root), sections, figures, tables, algorithms, references,
                CodeLinks.find(linkSources.toArray(String[]::new)), limitations, appendix);
    }

    /** Each div with paragraphs becomes a section; a div without a head continues the previous one. */
    private static void addSections(Element container, List<PaperParsed.Section> sections) {
        for (Element div : children(container, "div")) {
            Element head = first(div, "head");
            String number = head == null ? "" : head.getAttribute("n");
            String heading = Whitespace.normalize((number + " " + text(head)).trim());
            StringBuilder body = new StringBuilder();
            for (Element p : children(div, "p")) {
                body.append(text(p)).append('\n');
            }
            String text = body.toString().trim();
            if (heading.isEmpty() && !sections.isEmpty() && !text.isEmpty()) {
                PaperParsed.Section last = sections.remove(sections.size() - 1);
                sections.add(new PaperParsed.Section(last.heading(), (last.text() + "\n" + text).trim()));
            } else if (!heading.isEmpty() || !text.isEmpty()) {
                sections.add(new PaperParsed.Section(heading.isEmpty() ? "(untitled)" : heading, text));
            }
            addSections(div, sections);
        }
    }

    private static String parserName(Element root) {
        for (Element app : elements(root, "application")) {
            if ("GROBID".equalsIgnoreCase(app.getAttribute("ident"))) {
                String version = app.getAttribute("version");
                return version.isEmpty() ? "grobid" : "grobid " + version;
            }
        }
        return "grobid";
    }

    private static List<Element> elements(Element root, String localName) {
        NodeList nodes = root.getElementsByTagNameNS(TEI, localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && TEI.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element first(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(Element e) {
        return e == null ? "" : Whitespace.normalize(e.getTextContent());
    }
}
