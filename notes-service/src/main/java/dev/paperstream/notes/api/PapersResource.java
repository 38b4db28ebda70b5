package dev.paperstream.notes.api;

import dev.paperstream.events.ArxivId;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.store.PaperListRepository;
import dev.paperstream.notes.papers.PaperPage;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The triage list and the paper page's data. */
@Path("/api/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PapersResource {
    /**
     * A path segment for a paper id; old-style ids ({@code hep-th/9901001}) span two segments. Every resource
     * under /api/papers shares this class path so that the id never swallows a sub-path like /notes.
     */
    static final String ID = "{id: [^/]+(?:/[0-9]{7})?}";

    private final PaperListRepository list;
    private final PaperRepository papers;
    private final PaperDetailReader details;
    private final TeamAccess access;

    public PapersResource(PaperListRepository list, PaperRepository papers, PaperDetailReader details,
            TeamAccess access) {
        this.access = access;
        this.list = list;
        this.papers = papers;
        this.details = details;
    }

    @GET
    public PaperPage list(@QueryParam("team") String team, @QueryParam("priority") String priority,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        String t = QueryParams.blankToNull(team);
        if (t != null) {
            access.requireTeam(t);
        }
        return list.list(new PaperFilter(t,
                QueryParams.enumParam(Priority.class, "priority", priority),
                QueryParams.enumParam(PaperType.class, "type", type),
                QueryParams.enumParam(ReadingStatus.class, "status", status), QueryParams.blankToNull(q),
                QueryParams.limit(limit, 50), QueryParams.offset(offset)).within(access.scope()));
    }

    @GET
    @Path(ID)
    public PaperDetail get(@PathParam("id") String id) {
        requireValid(id);
        return papers.find(id)
                .map(details::of)
                .orElseThrow(() -> ProblemException.notFound("no paper " + id + " has been discovered"));
    }

    static void requireValid(String id) {
        if (!ArxivId.isValidId(id)) {
            throw ProblemException.badRequest(ArxivId.explainUnversioned(id));
        }
    }
}
