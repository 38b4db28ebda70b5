package dev.paperstream.ingest.feed;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Small helpers over a StAX reader positioned on a start element. */
final class StaxText {
    private StaxText() {
    }

    /** All text inside the current element, nested elements included; leaves the reader on its end tag. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                sb.append(r.getText());
            }
        }
        return sb.toString();
    }

    /** Skips the current element and everything in it. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        text(r);
    }

    static String attribute(XMLStreamReader r, String name) {
        String value = r.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
