package dev.paperstream.notes.web;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.papers.PaperListRepository;
import dev.paperstream.notes.papers.ScoreRepository;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** The triage inbox: the same list as {@code GET /api/papers}, as a page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {
    private static final int PAGE_SIZE = 50;

    private final PaperListRepository list;
    private final ScoreRepository scores;
    private final SecurityIdentity identity;

    public InboxPage(PaperListRepository list, ScoreRepository scores, SecurityIdentity identity) {
        this.list = list;
        this.scores = scores;
        this.identity = identity;
    }

    @GET
    public TemplateInstance inbox(@QueryParam("team") String team, @QueryParam("priority") String priority,
            @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("offset") String offset) {
        PaperFilter filter = new PaperFilter(blankToNull(team), option(Priority.class, priority),
                option(PaperType.class, type), option(ReadingStatus.class, status), blankToNull(q), PAGE_SIZE,
                offset(offset));
        return Templates.inbox(Viewer.of(identity), new InboxView(filter, list.list(filter), scores.teams()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <E extends Enum<E>> E option(Class<E> type, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown " + type.getSimpleName() + " '" + v + "'");
        }
    }

    private static int offset(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("offset must be a whole number, got '" + value + "'");
        }
    }
}
