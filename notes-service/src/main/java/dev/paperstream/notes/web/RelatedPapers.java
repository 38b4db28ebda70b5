package dev.paperstream.notes.web;

import dev.paperstream.notes.teams.FeedbackClient;
import dev.paperstream.notes.teams.PriorityConfig;
import dev.paperstream.notes.teams.RelatedPapersView;
import dev.paperstream.notes.teams.TeamProfileClient;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The paper page's related-papers section ({@code inject:relatedPapers} in the template): the papers nearest in
 * meaning among the team's papers and seed papers, from the priority service, or why they cannot be shown now
 * (priority down, the paper not embedded yet); the page itself renders either way.
 */
@Named("relatedPapers")
@RequestScoped
public class RelatedPapers {
    /** Papers shown on the page; "more like this" asks priority's similar search for {@link #MORE}. */
    static final int SHOWN = 10;
    static final int MORE = 50;

    private final FeedbackClient client;
    private final SecurityIdentity identity;
    private final String priorityUrl;

    public RelatedPapers(FeedbackClient client, SecurityIdentity identity, PriorityConfig priority) {
        this.client = client;
        this.identity = identity;
        this.priorityUrl = priority.url().replaceAll("/+$", "");
    }

    /** The related papers, or none with {@code message} saying why; {@code moreLikeThis}: the similar search. */
    public record Section(RelatedPapersView view, String message, String moreLikeThis) {
    }

    /** For {@code team} (null or empty: priority's default team). */
    public Section of(String paperId, String team) {
        String forTeam = team == null || team.isEmpty() ? null : team;
        String more = priorityUrl + "/api/search/similar?paper=" + encode(paperId) + "&k=" + MORE
                + (forTeam == null ? "" : "&team=" + encode(forTeam));
        try {
            return new Section(client.related(paperId, forTeam, SHOWN, CallerToken.of(identity)), null, more);
        } catch (TeamProfileClient.Rejected e) {
            return new Section(null, e.status() == 409 ? "Related papers appear once this paper is embedded: "
                    + e.getMessage() : e.status() == 404 ? "No related papers: " + e.getMessage()
                    : "The priority service refused: " + e.getMessage(), more);
        } catch (TeamProfileClient.Unavailable e) {
            return new Section(null, "Related papers are unavailable now: " + e.getMessage(), more);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
