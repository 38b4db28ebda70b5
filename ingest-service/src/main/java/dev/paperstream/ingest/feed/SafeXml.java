package dev.paperstream.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The only way ingest reads XML from outside. No feed arXiv or GROBID sends has a DOCTYPE, so any
 * DOCTYPE is refused before an entity could be declared or expanded: that closes XXE, entity-expansion
 * bombs and external DTD fetches at once, whatever the parser's own defaults are.
 */
public final class SafeXml {
    private static final String DOCTYPE_REFUSED = "the document has a DOCTYPE; DTDs and entity declarations are"
            + " refused (they enable XXE and entity-expansion attacks)";
    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {
    }

    private static XMLInputFactory createFactory() {
        // the JDK's own StAX parser, so that a library on the classpath cannot swap in a laxer one
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /**
     * A DOM of a small document (GROBID TEI), parsed with the same rule: any DOCTYPE is an error, no
     * external entity, DTD, schema or XInclude is ever fetched.
     */
    public static Document parseDom(InputStream in) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new UnreadableDocumentException(m.contains("DOCTYPE") ? DOCTYPE_REFUSED : "not well-formed XML: " + m, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new UnreadableDocumentException("cannot read the XML document: " + e.getMessage(), e);
        }
    }

    /** Opens the document and moves to its root element; a DOCTYPE or non-XML is an {@link UnreadableDocumentException}. */
    public static XMLStreamReader openAtRoot(InputStream in) {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new UnreadableDocumentException(DOCTYPE_REFUSED);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return r;
                }
            }
            throw new UnreadableDocumentException("the document has no root element");
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    /** The current element's name as {namespace}local, {} for no namespace. */
    public static String qualifiedName(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return "{" + (ns == null ? "" : ns) + "}" + r.getLocalName();
    }

    /** Reads to the end of the document so that trailing garbage after the root element is caught too. */
    public static void finish(XMLStreamReader r) {
        try {
            while (r.hasNext()) {
                r.next();
            }
            r.close();
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    public static UnreadableDocumentException unreadable(XMLStreamException e) {
        if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
            // the JDK parser itself stops at a DOCTYPE when DTD support is off; say so plainly
            return new UnreadableDocumentException(DOCTYPE_REFUSED, e);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int marker = message.indexOf("Message: ");
        String reason = marker >= 0 ? message.substring(marker + "Message: ".length()) : message;
        return new UnreadableDocumentException("not well-formed XML" + where + ": " + reason.trim(), e);
    }
}
