package dev.paperstream.notes.web;

import dev.paperstream.events.ArxivId;
import dev.paperstream.notes.api.PaperDetail;
import dev.paperstream.notes.api.PaperDetailReader;
import dev.paperstream.notes.api.NotesResource;
import dev.paperstream.notes.benchmarks.ClaimComparison;
import dev.paperstream.notes.store.NoteRepository;
import dev.paperstream.notes.store.NotificationRepository;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.store.QueueRepository;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.notes.api.PaperAccess;
import dev.paperstream.support.auth.Roles;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The paper page and its forms: notes per pass, claim, reading status. */
@Path("/papers")
@Produces(MediaType.TEXT_HTML)
public class PaperPage {
    private static final String ID = "{id: [^/]+(?:/[0-9]{7})?}";

    private final PaperRepository papers;
    private final PaperDetailReader details;
    private final NoteRepository notes;
    private final QueueRepository queue;
    private final NotificationRepository notifications;
    private final SecurityIdentity identity;
    private final TeamAccess access;
    private final PaperAccess paperAccess;

    public PaperPage(PaperRepository papers, PaperDetailReader details, NoteRepository notes, QueueRepository queue,
            NotificationRepository notifications, SecurityIdentity identity, TeamAccess access,
            PaperAccess paperAccess) {
        this.access = access;
        this.paperAccess = paperAccess;
        this.papers = papers;
        this.details = details;
        this.notes = notes;
        this.queue = queue;
        this.notifications = notifications;
        this.identity = identity;
    }

    @GET
    @Path(ID)
    public TemplateInstance page(@PathParam("id") String id) {
        PaperDetail detail = details.of(papers.find(valid(id))
                .orElseThrow(() -> ProblemException.notFound("no paper " + id + " has been discovered")));
        return Templates.paper(Viewer.of(identity),
                PaperView.of(detail, ClaimComparison.of(detail.notes().numericClaims(), detail.benchmarks()),
                        notifications.list(null, id, 50).stream().filter(d -> access.allows(d.team())).toList()));
    }

    /** One section's form: fields named {@code pass1.problem} etc.; unchanged pre-filled text is confirmed. */
    @POST
    @Path(ID + "/notes/{section}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response notes(@PathParam("id") String id, @PathParam("section") String section,
            MultivaluedMap<String, String> form) {
        valid(id);
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        paperAccess.require(id);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, v) -> {
            if (name.startsWith(section + ".") && !v.isEmpty()) {
                values.put(name.substring(section.length() + 1), v.get(0));
            }
        });
        notes.edit(id, NotesResource.fields(Map.of(section, values)), identity.getPrincipal().getName());
        return back(id, section);
    }

    @POST
    @Path(ID + "/queue/{team}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response claim(@PathParam("id") String id, @PathParam("team") String team) {
        valid(id);
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        queue.claim(id, access.requireTeam(team), identity.getPrincipal().getName());
        return back(id, "queue");
    }

    @POST
    @Path(ID + "/queue/{team}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response status(@PathParam("id") String id, @PathParam("team") String team,
            @FormParam("status") String status) {
        valid(id);
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        access.requireTeam(team);
        ReadingStatus s;
        try {
            s = ReadingStatus.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be one of " + List.of(ReadingStatus.values()));
        }
        queue.setStatus(id, team, s, identity.getPrincipal().getName());
        return back(id, "queue");
    }

    private static String valid(String id) {
        if (!ArxivId.isValidId(id)) {
            throw ProblemException.badRequest(ArxivId.explainUnversioned(id));
        }
        return id;
    }

    private static Response back(String id, String anchor) {
        return Response.seeOther(URI.create("/papers/" + id + "#" + anchor)).build();
    }
}
