package dev.paperstream.priority.api;

import dev.paperstream.priority.rescoring.Rescoring;
import dev.paperstream.priority.store.ScoreHistoryRepository;
import dev.paperstream.priority.store.ScoreHistoryRepository.HistoryEntry;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Re-scoring on demand, and the history of a paper's published scores. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class RescoringResource {
    private final Rescoring rescoring;
    private final ScoreHistoryRepository scores;
    private final TeamAccess access;

    public RescoringResource(Rescoring rescoring, ScoreHistoryRepository scores, TeamAccess access) {
        this.access = access;
        this.rescoring = rescoring;
        this.scores = scores;
    }

    /** Runs the scheduled pass now: refreshes citations and re-scores papers younger than 6 months. */
    @POST
    @Path("/rescoring")
    @RolesAllowed("editor")
    public Rescoring.Pass rescoreNow() {
        return rescoring.rescoreYoungPapers();
    }

    @GET
    @Path("/papers/{id: .+}/scores")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        List<HistoryEntry> history = scores.history(id).stream().filter(e -> access.allows(e.team())).toList();
        if (history.isEmpty()) {
            throw ProblemException.notFound("no scores for paper '" + id + "' in the teams you may use ("
                    + access.scope().describe() + ")");
        }
        return history;
    }
}
