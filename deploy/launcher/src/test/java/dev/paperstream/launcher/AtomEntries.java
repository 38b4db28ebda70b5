package dev.paperstream.launcher;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The test's own reading of an arXiv Atom page, independent of ingest's parser: what a person would check. */
record AtomEntries(List<Entry> entries) {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    record Entry(String id, int version, String title, List<String> authors, String summary, String comment,
            List<String> categories, String published) {
    }

    static AtomEntries parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        List<Entry> entries = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String url = text(e, ATOM, "id");
            String versioned = url.substring(url.indexOf("/abs/") + 5);
            int v = versioned.lastIndexOf('v');
            List<String> authors = new ArrayList<>();
            NodeList as = e.getElementsByTagNameNS(ATOM, "author");
            for (int j = 0; j < as.getLength(); j++) {
                authors.add(normalise(text((Element) as.item(j), ATOM, "name")));
            }
            List<String> categories = new ArrayList<>();
            NodeList cs = e.getElementsByTagNameNS(ATOM, "category");
            for (int j = 0; j < cs.getLength(); j++) {
                categories.add(((Element) cs.item(j)).getAttribute("term"));
            }
            entries.add(new Entry(versioned.substring(0, v), Integer.parseInt(versioned.substring(v + 1)),
                    normalise(text(e, ATOM, "title")), authors, normalise(text(e, ATOM, "summary")),
                    text(e, "http://arxiv.org/schemas/atom", "comment"), categories, text(e, ATOM, "published")));
        }
        return new AtomEntries(entries);
    }

    private static String text(Element parent, String ns, String name) {
        NodeList n = parent.getElementsByTagNameNS(ns, name);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    static String normalise(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").trim();
    }
}
