package dev.paperstream.priority.api;

import dev.paperstream.priority.relevance.LearnedRelevance;
import dev.paperstream.priority.store.FeedbackRepository;
import dev.paperstream.priority.rescoring.Rescoring;
import dev.paperstream.priority.store.FeedbackRepository.Ballot;
import dev.paperstream.priority.store.RelevanceModelHistoryRepository;
import dev.paperstream.priority.store.TeamRepository;
import dev.paperstream.priority.teams.ArxivCategories;
import dev.paperstream.priority.teams.Team;
import dev.paperstream.priority.teams.TeamDirectory;
import dev.paperstream.priority.teams.TeamProfile;
import dev.paperstream.priority.relevance.WeightedTerm;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A team's interests and its feedback; reads are open, writes need an editor token; both only for the caller's
 * teams ({@link TeamAccess}: 403 for another team's).
 */
@Path("/api/teams/{team}/profile")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TeamProfileResource {
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final TeamDirectory teams;
    private final TeamRepository profiles;
    private final FeedbackRepository feedback;
    private final RelevanceModelHistoryRepository modelHistory;
    private final Rescoring rescoring;
    private final SecurityIdentity identity;
    private final TeamAccess access;

    public TeamProfileResource(TeamDirectory teams, TeamRepository profiles, FeedbackRepository feedback,
            RelevanceModelHistoryRepository modelHistory, Rescoring rescoring, SecurityIdentity identity,
            TeamAccess access) {
        this.modelHistory = modelHistory;
        this.rescoring = rescoring;
        this.identity = identity;
        this.access = access;
        this.teams = teams;
        this.profiles = profiles;
        this.feedback = feedback;
    }

    @GET
    public ProfileView get(@PathParam("team") String team) {
        return view(existing(access.requireTeam(team)));
    }

    @PUT
    @RolesAllowed("editor")
    public ProfileView put(@PathParam("team") String team, @Valid @NotNull ProfileRequest request) {
        access.requireTeam(team);
        if (!TEAM.matcher(team).matches()) {
            throw ProblemException.badRequest("team name '" + team + "' must be 1-40 of a-z, 0-9, '-', '_'");
        }
        List<String> categories = request.categories() == null ? List.of() : request.categories();
        List<String> unknown = categories.stream().filter(c -> !ArxivCategories.isKnown(c)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown arXiv categories " + unknown
                    + " (use names like cs.LG, or an archive like cs)");
        }
        List<WeightedTerm> terms = request.terms() == null ? List.of()
                : request.terms().stream().map(t -> new WeightedTerm(t.term().trim(), t.weight())).toList();
        if (terms.stream().anyMatch(t -> t.weight() == 0 || !Double.isFinite(t.weight()))) {
            throw ProblemException.badRequest("term weights must be non-zero numbers between -5 and 5");
        }
        if (terms.stream().map(t -> t.term().toLowerCase(java.util.Locale.ROOT)).distinct().count() < terms.size()) {
            throw ProblemException.badRequest("a term is listed twice");
        }
        boolean matchAll = request.matchAll() != null && request.matchAll();
        if (!matchAll && categories.isEmpty() && terms.stream().noneMatch(t -> t.weight() > 0)) {
            throw ProblemException.badRequest("a profile needs categories, a term with a positive weight, "
                    + "or matchAll: true, or no paper would ever match it");
        }
        List<String> seeds = request.seedPapers() == null ? List.of() : request.seedPapers();
        profiles.save(new TeamProfile(team, categories, terms, seeds, matchAll).toEntity());
        teams.reload();
        return view(existing(team));
    }

    @POST
    @Path("/feedback")
    @RolesAllowed("editor")
    public ProfileView vote(@PathParam("team") String team, @Valid @NotNull FeedbackRequest request) {
        existing(access.requireTeam(team));
        feedback.vote(team, request.paperId(), identity.getPrincipal().getName(), switch (request.vote()) {
            case "up" -> Ballot.UP;
            case "down" -> Ballot.DOWN;
            default -> Ballot.NOT_RELEVANT;
        });
        teams.reload();
        // the retrained model rates the paper at once; paper.scored carries a changed score to notes
        QuarkusTransaction.requiringNew().run(() -> rescoring.rescorePaper(request.paperId()));
        return view(existing(team));
    }

    /** The team's relevance model: which one is in charge, its strongest terms and its held-out AUC over time. */
    @GET
    @Path("/model")
    public ModelView model(@PathParam("team") String team) {
        Team t = existing(access.requireTeam(team));
        return ModelView.of(t, modelHistory.history(team));
    }

    private Team existing(String team) {
        return teams.team(team).orElseThrow(() -> ProblemException.notFound(
                "no team '" + team + "'; create it with PUT /api/teams/" + team + "/profile"));
    }

    private ProfileView view(Team team) {
        TeamProfile p = team.profile();
        long withoutText = feedback.votes(p.team()).stream().filter(v -> !v.hasText()).count();
        FeedbackRepository.Counts counts = feedback.counts(p.team());
        String model = team.learned()
                .map(l -> "learned: TF-IDF + logistic regression on " + l.votes() + " examples")
                .orElse("profile terms (learning starts at " + LearnedRelevance.MIN_PER_CLASS
                        + " liked and " + LearnedRelevance.MIN_PER_CLASS + " disliked papers with known text)");
        return new ProfileView(p.team(), p.categories(), p.terms(), p.seedPapers(), p.matchAll(),
                new ProfileView.Feedback(counts.up(), counts.down(), counts.notRelevant(), withoutText), model);
    }
}
