package dev.paperstream.notes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.exports.BibTex;
import dev.paperstream.notes.exports.CslJson;
import dev.paperstream.notes.exports.PaperExports;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.support.auth.TeamAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Citations of a filtered list (a team's queue, a search) for reference managers: BibTeX and CSL-JSON, at most
 * {@link PaperExports#MAX_PAPERS} papers a request; {@value #TRUNCATED}{@code : true} says more matched.
 */
@Path("/api/exports")
public class ExportsResource {
    static final String TRUNCATED = "X-Paperstream-Truncated";
    static final String BIBTEX = "text/x-bibtex; charset=utf-8";
    static final String CSL_JSON = "application/vnd.citationstyles.csl+json";

    private final PaperExports exports;
    private final ObjectMapper json;
    private final TeamAccess access;

    public ExportsResource(PaperExports exports, ObjectMapper json, TeamAccess access) {
        this.access = access;
        this.exports = exports;
        this.json = json;
    }

    @GET
    @Path("papers.bib")
    public Response bibtex(@QueryParam("team") String team, @QueryParam("priority") String priority,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("q") String q) {
        PaperExports.Selection selection = exports.select(filter(team, priority, type, status, q));
        return answer(BibTex.of(selection.papers()), BIBTEX, "bib", team, selection);
    }

    @GET
    @Path("papers.json")
    public Response cslJson(@QueryParam("team") String team, @QueryParam("priority") String priority,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("q") String q)
            throws JsonProcessingException {
        PaperExports.Selection selection = exports.select(filter(team, priority, type, status, q));
        return answer(json.writeValueAsString(CslJson.of(selection.papers())), CSL_JSON, "json", team, selection);
    }

    /** The listing's filters, checked as the listing checks them (a 400 problem that says what is wrong). */
    private PaperFilter filter(String team, String priority, String type, String status, String q) {
        String t = QueryParams.blankToNull(team);
        return new PaperFilter(t == null ? null : access.requireTeam(TeamName.check(t)),
                QueryParams.enumParam(Priority.class, "priority", priority),
                QueryParams.enumParam(PaperType.class, "type", type),
                QueryParams.enumParam(ReadingStatus.class, "status", status), QueryParams.blankToNull(q),
                PaperExports.MAX_PAPERS, 0).within(access.scope());
    }

    private static Response answer(String body, String mediaType, String extension, String team,
            PaperExports.Selection selection) {
        String t = QueryParams.blankToNull(team);
        // the team name was checked to be letters, digits, . _ - only, so it is safe in the header
        String file = "paperstream" + (t == null ? "" : "-" + t) + "." + extension;
        Response.ResponseBuilder answer = Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-Paperstream-Count", selection.papers().size());
        if (selection.truncated()) {
            answer.header(TRUNCATED, "true");
        }
        return answer.build();
    }
}
