package dev.paperstream.notes.api;

import dev.paperstream.notes.drafts.Draft;
import dev.paperstream.notes.drafts.DraftKind;
import dev.paperstream.notes.drafts.NoteDrafter;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.ParsedRepository;
import dev.paperstream.notes.store.NoteDraftEntity;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** LLM drafts of a paper's notes (off by default; see the README, "LLM drafts"). */
@Path("/api/papers")
@Produces(MediaType.APPLICATION_JSON)
public class DraftsResource {
    static final int MAX_LISTED = 50;

    private final NoteDrafter drafter;
    private final PaperAccess papers;
    private final TeamAccess teams;
    private final ParsedRepository parsed;
    private final SecurityIdentity identity;

    public DraftsResource(NoteDrafter drafter, PaperAccess papers, TeamAccess teams, ParsedRepository parsed,
            SecurityIdentity identity) {
        this.drafter = drafter;
        this.papers = papers;
        this.teams = teams;
        this.parsed = parsed;
        this.identity = identity;
    }

    public record DraftRequest(String team, String kind) {
    }

    public record DraftRecord(String kind, String team, String endpoint, String model, String outcome,
            int fieldsDrafted, int promptTokens, int completionTokens, String requestedBy, Instant createdAt) {
    }

    /** Body {@code {"team": "...", "kind": "pass1" | "spec"}}: drafts those notes as suggestions. */
    @POST
    @Path(PapersResource.ID + "/drafts")
    @RolesAllowed("editor")
    @Consumes(MediaType.APPLICATION_JSON)
    public Draft draft(@PathParam("id") String id, DraftRequest request) {
        drafter.requireEnabled();
        if (request == null) {
            throw ProblemException.badRequest("the body must be {\"team\": ..., \"kind\": ...}");
        }
        String team = teams.requireTeam(TeamName.check(request.team()));
        DraftKind kind = DraftKind.of(request.kind()).orElseThrow(() -> ProblemException.badRequest("kind must be one"
                + " of " + Arrays.stream(DraftKind.values()).map(DraftKind::label).toList() + ", not '"
                + request.kind() + "'"));
        StoredPaper paper = papers.open(id);
        return drafter.draft(paper, parsed.find(id), kind, team, identity.getPrincipal().getName());
    }

    /** The latest {@value #MAX_LISTED} draft requests of a paper, newest first. */
    @GET
    @Path(PapersResource.ID + "/drafts")
    public List<DraftRecord> list(@PathParam("id") String id) {
        papers.open(id);
        return NoteDraftEntity.latestOf(id, MAX_LISTED).stream().map(e -> new DraftRecord(e.kind, e.team, e.endpoint,
                e.model, e.outcome, e.fieldsDrafted, e.promptTokens, e.completionTokens, e.requestedBy, e.createdAt))
                .toList();
    }
}
