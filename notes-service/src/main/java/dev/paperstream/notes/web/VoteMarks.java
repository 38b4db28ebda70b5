package dev.paperstream.notes.web;

import dev.paperstream.notes.teams.FeedbackClient.Vote;
import dev.paperstream.notes.teams.TeamVotes;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person's own votes, for the vote buttons of the inbox and the paper page ({@code inject:votes} in
 * templates, so the pages need no code of their own for it): read from {@code team_vote} once per paper a page
 * shows, by primary key.
 */
@Named("votes")
@RequestScoped
public class VoteMarks {
    private final TeamVotes votes;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private final Map<String, Map<String, Vote>> byPaper = new HashMap<>();

    public VoteMarks(TeamVotes votes, SecurityIdentity identity, CurrentVertxRequest request) {
        this.votes = votes;
        this.identity = identity;
        this.request = request;
    }

    /** Reads the person's votes on a page of papers in one query, before the page's vote buttons ask for them. */
    public void preload(Collection<String> paperIds) {
        if (identity.isAnonymous()) {
            return;
        }
        List<String> unread = paperIds.stream().distinct().filter(id -> !byPaper.containsKey(id)).toList();
        Map<String, Vote> found = votes.of(identity.getPrincipal().getName(), unread);
        unread.forEach(id -> byPaper.put(id, new HashMap<>()));
        found.forEach((key, vote) -> byPaper.get(TeamVotes.paperOf(key)).put(key, vote));
    }

    /** The person's vote on the paper for the team ({@code up}, {@code down}, {@code not-relevant}), or "". */
    public String mark(String paperId, String team) {
        if (identity.isAnonymous() || paperId == null || team == null) {
            return "";
        }
        Vote v = byPaper.computeIfAbsent(paperId, id -> votes.of(identity.getPrincipal().getName(), List.of(id)))
                .get(TeamVotes.key(paperId, team));
        return v == null ? "" : v.wire();
    }

    public List<Vote> choices() {
        return List.of(Vote.values());
    }

    /** The page being shown (path and query), where a vote form sends the person back to. */
    public String here() {
        return request.getCurrent() == null ? "/" : request.getCurrent().request().uri();
    }
}
