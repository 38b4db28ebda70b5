package dev.paperstream.priority.api;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.scoring.Overrides;
import dev.paperstream.priority.text.PaperText;
import dev.paperstream.priority.scoring.Scoring;
import dev.paperstream.priority.scoring.TeamScoring;
import dev.paperstream.priority.teams.Team;
import dev.paperstream.priority.teams.TeamDirectory;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Explains how a paper given in the body would be scored; stores nothing. */
@Path("/api/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {
    private final TeamDirectory teams;
    private final TeamScoring scoring;
    private final TeamAccess access;

    public ScoreResource(TeamDirectory teams, TeamScoring scoring, TeamAccess access) {
        this.access = access;
        this.teams = teams;
        this.scoring = scoring;
    }

    @POST
    public Scoring score(@Valid @NotNull ScoreRequest request) {
        Team team = request.team() == null ? teams.defaultTeam()
                : teams.team(access.requireTeam(request.team())).orElseThrow(() -> ProblemException.notFound(
                        "no team '" + request.team() + "'"));
        if (request.published() == null && request.monthsSincePublication() == null) {
            throw ProblemException.badRequest("give 'published' (date of version 1) or 'monthsSincePublication'");
        }
        Overrides overrides = new Overrides(paperType(request.paperType()), request.citations(),
                request.monthsSincePublication(), request.hasCode(), request.relevance());
        List<String> code = request.links() == null || request.links().code() == null ? List.of()
                : request.links().code();
        PaperText paper = new PaperText(request.title(), request.summary(), request.comment(),
                request.categories(), request.published(), code, List.of());
        return scoring.explain(paper, team, overrides);
    }

    private static PaperType paperType(String name) {
        if (name == null) {
            return null;
        }
        try {
            return PaperType.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown paperType '" + name + "'; one of "
                    + Arrays.toString(PaperType.values()));
        }
    }
}
