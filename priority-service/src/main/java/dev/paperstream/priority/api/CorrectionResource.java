package dev.paperstream.priority.api;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.rescoring.Rescoring;
import dev.paperstream.priority.store.CorrectionRepository;
import dev.paperstream.priority.store.PaperRepository;
import dev.paperstream.priority.store.ScoreHistoryRepository;
import dev.paperstream.priority.store.ScoreHistoryRepository.HistoryEntry;
import dev.paperstream.priority.teams.TeamDirectory;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A person corrects a paper's type or its relevance to a team; the paper is scored again at once, the reason
 * line names the correction, and the new score goes out as paper.scored (also when its points stay the same).
 */
@Path("/api/papers/{id: .+}/corrections")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionResource {
    private final CorrectionRepository corrections;
    private final PaperRepository papers;
    private final TeamDirectory teams;
    private final Rescoring rescoring;
    private final ScoreHistoryRepository history;
    private final SecurityIdentity identity;
    private final TeamAccess access;

    public CorrectionResource(CorrectionRepository corrections, PaperRepository papers, TeamDirectory teams,
            Rescoring rescoring, ScoreHistoryRepository history, SecurityIdentity identity, TeamAccess access) {
        this.access = access;
        this.corrections = corrections;
        this.papers = papers;
        this.teams = teams;
        this.rescoring = rescoring;
        this.history = history;
        this.identity = identity;
    }

    /** What a correction did: how many new scores it published, and the paper's score history since. */
    public record Corrected(String paperId, int published, List<HistoryEntry> history) {
    }

    @POST
    @RolesAllowed("editor")
    @Transactional
    public Corrected correct(@PathParam("id") @UnversionedArxivId String id, @Valid @NotNull CorrectionRequest request) {
        if (request.paperType() == null && request.relevance() == null) {
            throw ProblemException.badRequest("say what to correct: paperType, relevance (with team), or both");
        }
        if (request.relevance() != null && request.team() == null) {
            throw ProblemException.badRequest("a relevance is a team's: give the team it is corrected for");
        }
        if (request.team() != null) {
            access.requireTeam(request.team());
        }
        if (request.paperType() != null) {
            access.requireAllTeams("correcting the type of " + id);
        }
        if (request.team() != null && teams.team(request.team()).isEmpty()) {
            throw ProblemException.notFound("no team '" + request.team() + "'");
        }
        PaperType type = request.paperType() == null ? null : type(request.paperType());
        if (papers.current(id).isEmpty()) {
            throw ProblemException.notFound("priority has not seen paper '" + id + "', so it cannot score it again");
        }
        String by = identity.getPrincipal().getName();
        String reason = request.reason().strip();
        if (type != null) {
            corrections.correctType(id, type, by, reason);
        }
        if (request.relevance() != null) {
            corrections.correctRelevance(id, request.team(), request.relevance(), by, reason);
        }
        int published = rescoring.rescorePaper(id);
        return new Corrected(id, published, history.history(id));
    }

    private static PaperType type(String name) {
        try {
            return PaperType.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown paperType '" + name + "'; one of "
                    + Arrays.toString(PaperType.values()));
        }
    }
}
