package dev.paperstream.notes.api;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.feeds.FeedTokens;
import dev.paperstream.notes.notify.Messages;
import dev.paperstream.notes.notify.NotifyConfig;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.store.PaperListRepository;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.papers.PaperSummary;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.support.auth.AuthConfig;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code GET /feeds/{team}.atom}: the team's HIGH papers as an Atom 1.0 feed (RFC 4287). Feed readers cannot sign
 * in, so a feed token of the team may come in the URL ({@code /feeds/{team}/{token}.atom} or {@code ?token=}); with
 * {@code paperstream.auth.reads-need-token} on, a feed without one needs a signed-in viewer. A token that is
 * unknown, revoked or another team's answers 404, whatever the setting.
 */
@Path("/feeds")
public class AtomFeedResource {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 50;
    private static final String ATOM_TYPE = "application/atom+xml;charset=UTF-8";

    private final PaperListRepository list;
    private final PaperRepository papers;
    private final NotifyConfig config;
    private final FeedTokens tokens;
    private final AuthConfig auth;
    private final SecurityIdentity identity;
    private final TeamAccess access;

    public AtomFeedResource(PaperListRepository list, PaperRepository papers, NotifyConfig config, FeedTokens tokens,
            AuthConfig auth, SecurityIdentity identity, TeamAccess access) {
        this.access = access;
        this.list = list;
        this.papers = papers;
        this.config = config;
        this.tokens = tokens;
        this.auth = auth;
        this.identity = identity;
    }

    @GET
    @Path("{team}.atom")
    @Produces(ATOM_TYPE)
    public String feed(@PathParam("team") String team, @QueryParam("token") String token) throws XMLStreamException {
        TeamName.check(team);
        if (token != null) {
            return withToken(team, token);
        }
        if (auth.readsNeedToken() && identity.isAnonymous()) {
            throw new ProblemException(401, "Unauthorized", "this feed needs a feed token in its URL"
                    + " (/feeds/" + team + "/{token}.atom; editors make them on the team page) or a signed-in viewer");
        }
        access.requireTeam(team);
        return write(team, "/feeds/" + team + ".atom");
    }

    @GET
    @Path("{team}/{token}.atom")
    @Produces(ATOM_TYPE)
    public String feedWithToken(@PathParam("team") String team, @PathParam("token") String token)
            throws XMLStreamException {
        return withToken(TeamName.check(team), token);
    }

    private String withToken(String team, String token) throws XMLStreamException {
        if (!tokens.opens(team, token)) {
            throw ProblemException.notFound("no feed here: the feed token is unknown, revoked or another team's");
        }
        return write(team, "/feeds/" + team + "/" + token + ".atom");
    }

    private String write(String team, String selfPath) throws XMLStreamException {
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
        link(xml, "self", base + selfPath);
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
