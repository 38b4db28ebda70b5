package dev.paperstream.notes.web;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.api.QueryParams;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.papers.PaperPage;
import dev.paperstream.notes.papers.PaperSummary;
import dev.paperstream.notes.store.PaperListRepository;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.support.auth.TeamAccess;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The triage inbox: the same list as {@code GET /api/papers}, as a page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {
    private static final int PAGE_SIZE = 50;

    private final PaperListRepository list;
    private final ScoreRepository scores;
    private final SecurityIdentity identity;
    private final TeamAccess access;
    private final VoteMarks votes;

    public InboxPage(PaperListRepository list, ScoreRepository scores, SecurityIdentity identity, TeamAccess access,
            VoteMarks votes) {
        this.votes = votes;
        this.access = access;
        this.list = list;
        this.scores = scores;
        this.identity = identity;
    }

    @GET
    public TemplateInstance inbox(@QueryParam("team") String team, @QueryParam("priority") String priority,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("offset") String offset) {
        String t = QueryParams.blankToNull(team);
        if (t != null) {
            access.requireTeam(t);
        }
        PaperFilter filter = new PaperFilter(t,
                QueryParams.enumParam(Priority.class, "priority", priority),
                QueryParams.enumParam(PaperType.class, "type", type),
                QueryParams.enumParam(ReadingStatus.class, "status", status), QueryParams.blankToNull(q), PAGE_SIZE,
                QueryParams.offset(offset)).within(access.scope());
        PaperPage page = list.list(filter);
        votes.preload(page.items().stream().map(PaperSummary::id).toList());
        return Templates.inbox(Viewer.of(identity), new InboxView(filter, page, access.visible(scores.teams())));
    }
}
