package dev.paperstream.notes.feeds;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.notify.Messages;
import dev.paperstream.notes.notify.NotifyConfig;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.papers.PaperListRepository;
import dev.paperstream.notes.papers.PaperRepository;
import dev.paperstream.notes.papers.PaperSummary;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.teams.TeamName;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** {@code GET /feeds/{team}.atom}: the team's HIGH papers as an Atom 1.0 feed (RFC 4287). */
@Path("/feeds")
public class AtomFeedResource {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 50;

    private final PaperListRepository list;
    private final PaperRepository papers;
    private final NotifyConfig config;

    public AtomFeedResource(PaperListRepository list, PaperRepository papers, NotifyConfig config) {
        this.list = list;
        this.papers = papers;
        this.config = config;
    }

    @GET
    @Path("{team}.atom")
    @Produces("application/atom+xml;charset=UTF-8")
    public String feed(@PathParam("team") String team) throws XMLStreamException {
        TeamName.check(team);
        List<PaperSummary> items = list.list(new PaperFilter(team, Priority.HIGH, null, null, null, ENTRIES, 0)).items();
        Map<String, StoredPaper> byId = papers.findAll(items.stream().map(PaperSummary::id).toList());
        List<StoredPaper> entries = items.stream().map(i -> byId.get(i.id())).toList();
        String base = config.publicUrl().replaceAll("/+$", "");
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        text(xml, "id", base + "/feeds/" + team + ".atom");
        text(xml, "title", "Paperstream: HIGH papers for " + team);
        text(xml, "updated", entries.stream().map(AtomFeedResource::updated).max(Instant::compareTo)
                .orElse(Instant.EPOCH).toString());
        link(xml, "self", base + "/feeds/" + team + ".atom");
        xml.writeStartElement("author");
        text(xml, "name", "Paperstream");
        xml.writeEndElement();
        for (int i = 0; i < entries.size(); i++) {
            StoredPaper p = entries.get(i);
            xml.writeStartElement("entry");
            text(xml, "id", p.links().abs());
            text(xml, "title", p.title());
            text(xml, "updated", updated(p).toString());
            text(xml, "published", p.published().toString());
            link(xml, "alternate", Messages.pageUrl(base, p.id()));
            link(xml, "related", p.links().abs());
            for (String author : p.authors()) {
                xml.writeStartElement("author");
                text(xml, "name", author);
                xml.writeEndElement();
            }
            xml.writeStartElement("category");
            xml.writeAttribute("term", p.primaryCategory());
            xml.writeEndElement();
            text(xml, "summary", "HIGH (score " + items.get(i).score() + ", " + typeName(items.get(i).paperType())
                    + "): " + p.summary());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static Instant updated(StoredPaper p) {
        return p.updated() == null ? p.published() : p.updated();
    }

    private static String typeName(PaperType type) {
        return type == null ? "unclassified" : type.name().toLowerCase();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }
}
