package dev.paperstream.priority.api;

import dev.paperstream.priority.semantic.RelatedPapers;
import dev.paperstream.priority.semantic.RelatedPapers.Related;
import dev.paperstream.priority.semantic.RelatedPapers.Scope;
import dev.paperstream.priority.teams.Team;
import dev.paperstream.priority.teams.TeamDirectory;
import dev.paperstream.support.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/** Papers related in meaning (embeddings): to a stored paper, among a team's, and "more like this" search. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SemanticResource {
    static final int MAX_K = 50;
    // a longer query string would pass the HTTP server's 4,096-byte request line (414)
    static final int MAX_TEXT = 2_000;

    private final RelatedPapers related;
    private final TeamDirectory teams;

    public SemanticResource(RelatedPapers related, TeamDirectory teams) {
        this.related = related;
        this.teams = teams;
    }

    /** The answer: the query, what searched, and the papers found, most similar first. */
    public record RelatedView(String paper, String text, String team, String index, List<Related> related,
            List<String> nearDuplicates) {
        static RelatedView of(String paper, String text, String team, String index, List<Related> found) {
            return new RelatedView(paper, text, team, index, found,
                    found.stream().filter(r -> r.duplicateOf() != null).map(Related::id).toList());
        }
    }

    @GET
    @Path("/papers/{id: .+}/related")
    public RelatedView related(@PathParam("id") String id, @QueryParam("team") String team,
            @QueryParam("k") Integer k) {
        Team t = team(team == null ? teams.defaultTeam().name() : team);
        int n = k(k);
        return RelatedView.of(id, null, t.name(), related.backend(), related.nearPaper(embedded(id), scope(t), n));
    }

    @GET
    @Path("/search/similar")
    public RelatedView similar(@QueryParam("text") String text, @QueryParam("paper") String paper,
            @QueryParam("team") String team, @QueryParam("k") Integer k) {
        if ((text == null || text.isBlank()) == (paper == null || paper.isBlank())) {
            throw ProblemException.badRequest("give either 'text' or 'paper' (an arXiv id), not both and not neither");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw ProblemException.badRequest("'text' has " + text.length() + " characters; at most " + MAX_TEXT);
        }
        Team t = team == null ? null : team(team);
        int n = k(k);
        String name = t == null ? null : t.name();
        Scope scope = t == null ? Scope.EVERY_PAPER : scope(t);
        return paper != null && !paper.isBlank()
                ? RelatedView.of(paper, null, name, related.backend(), related.nearPaper(embedded(paper), scope, n))
                : RelatedView.of(null, text, name, related.backend(), related.nearText(text, scope, n));
    }

    private Team team(String name) {
        return teams.team(name).orElseThrow(() -> ProblemException.notFound("no team '" + name + "'"));
    }

    private static Scope scope(Team t) {
        return new Scope(t.name(), t.profile().matchAll(), Set.copyOf(t.profile().seedPapers()));
    }

    private static int k(Integer k) {
        if (k == null) {
            return 10;
        }
        if (k < 1 || k > MAX_K) {
            throw ProblemException.badRequest("'k' must be between 1 and " + MAX_K + ", got " + k);
        }
        return k;
    }

    private String embedded(String id) {
        switch (related.known(id)) {
            case UNKNOWN -> throw ProblemException.notFound("no paper '" + id + "'");
            case NOT_EMBEDDED -> throw new ProblemException(409, "Conflict", "paper '" + id
                    + "' has no embedding yet (" + related.queued() + " papers wait to be embedded) or is older than"
                    + " the papers the index holds; try again later");
            default -> {
                return id;
            }
        }
    }
}
