package dev.paperstream.notes.api;

import dev.paperstream.notes.benchmarks.ClaimCheck;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.support.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A paper's speedup and memory claims against what the team's devices measured at the paper's shapes. */
@Path("/api/papers")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {
    private final PaperRepository papers;
    private final PaperClaims claims;

    public ClaimsResource(PaperRepository papers, PaperClaims claims) {
        this.papers = papers;
        this.claims = claims;
    }

    @GET
    @Path(PapersResource.ID + "/claims")
    public ClaimCheck.Report get(@PathParam("id") String id) {
        PapersResource.requireValid(id);
        return claims.of(papers.find(id)
                .orElseThrow(() -> ProblemException.notFound("no paper " + id + " has been discovered")));
    }
}
