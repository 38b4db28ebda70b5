package dev.paperstream.notes.web;

import dev.paperstream.events.ArxivId;
import dev.paperstream.events.PaperType;
import dev.paperstream.notes.teams.FeedbackClient;
import dev.paperstream.notes.teams.FeedbackClient.Vote;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.notes.teams.TeamProfileClient;
import dev.paperstream.notes.teams.TeamVotes;
import dev.paperstream.support.auth.Roles;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The vote buttons (👍, 👎, "not relevant to us", per team) of the inbox and the paper page, and the paper page's
 * correction form. Both go to the priority service, which owns votes and corrections (they retrain the team's
 * model and re-score the paper; the new score comes back as paper.scored). Nothing is queued here: when priority
 * cannot take it even after the client's retries, the person sees why, with a button that sends the same again.
 */
@Path("/feedback")
@Produces(MediaType.TEXT_HTML)
public class FeedbackForms {
    private static final String ID = "{id: [^/]+(?:/[0-9]{7})?}";
    private static final int MAX_REASON = 500;

    private final FeedbackClient client;
    private final TeamVotes votes;
    private final SecurityIdentity identity;
    private final TeamAccess access;

    public FeedbackForms(FeedbackClient client, TeamVotes votes, SecurityIdentity identity, TeamAccess access) {
        this.client = client;
        this.votes = votes;
        this.identity = identity;
        this.access = access;
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static final class Pages {
        private Pages() {
        }

        static native TemplateInstance notSent(Viewer viewer, NotSent view);
    }

    /**
     * What was not sent and why; {@code retry} true shows a button posting {@code fields} to {@code action} again
     * (priority was unreachable), false only explains (priority refused it).
     */
    public record NotSent(String what, String why, boolean retry, String action, Map<String, String> fields,
            String back) {
    }

    @POST
    @Path("votes/{team}/" + ID)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vote(@PathParam("team") String team, @PathParam("id") String id, @FormParam("vote") String vote,
            @FormParam("back") String back) {
        TeamName.check(team);
        valid(id);
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        access.requireTeam(team);
        Vote v = Vote.of(vote);
        if (v == null) {
            throw ProblemException.badRequest("vote must be 'up', 'down' or 'not-relevant'");
        }
        String returnTo = safeBack(back, "/papers/" + id);
        String what = "Your vote “" + v.label() + "” on " + id + " for " + team;
        try {
            client.vote(team, id, v, CallerToken.of(identity));
        } catch (TeamProfileClient.Unavailable e) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("vote", v.wire());
            fields.put("back", returnTo);
            return notSent(503, new NotSent(what, e.getMessage(), true, "/feedback/votes/" + team + "/" + id, fields,
                    returnTo));
        } catch (TeamProfileClient.Rejected e) {
            return notSent(e.status(), new NotSent(what, "the priority service refused it: " + e.getMessage(), false,
                    null, Map.of(), returnTo));
        }
        votes.record(id, team, identity.getPrincipal().getName(), v);
        return Response.seeOther(URI.create(returnTo)).build();
    }

    /** Corrects the paper's type (every team) and/or its relevance to one team; the reason is shown with the score. */
    @POST
    @Path("corrections/" + ID)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") String id, @FormParam("team") String team,
            @FormParam("paperType") String paperType, @FormParam("relevance") String relevance,
            @FormParam("reason") String reason) {
        valid(id);
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        String back = "/papers/" + id + "#scores";
        String type = blankToNull(paperType);
        Integer rel = blankToNull(relevance) == null ? null : relevance(relevance);
        String why = reason == null ? "" : reason.strip();
        String t = blankToNull(team);
        if (t != null) {
            access.requireTeam(TeamName.check(t));
        }
        if (type != null) {
            // a paper's type is every team's: only a caller scoped to every team may correct it
            access.requireAllTeams("the type of " + id);
            type = paperType(type);
        }
        String problem = type == null && rel == null ? "choose a type or a relevance to correct"
                : rel != null && t == null ? "a relevance is a team's: choose the team"
                : why.isEmpty() ? "give a reason: it is shown with the corrected score"
                : why.length() > MAX_REASON ? "the reason is over " + MAX_REASON + " characters" : null;
        String what = "Your correction of " + id;
        if (problem != null) {
            return notSent(400, new NotSent(what, problem, false, null, Map.of(), back));
        }
        try {
            client.correct(id, t, type, rel, why, CallerToken.of(identity));
        } catch (TeamProfileClient.Unavailable e) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("team", t == null ? "" : t);
            fields.put("paperType", type == null ? "" : type);
            fields.put("relevance", rel == null ? "" : rel.toString());
            fields.put("reason", why);
            return notSent(503, new NotSent(what, e.getMessage(), true, "/feedback/corrections/" + id, fields, back));
        } catch (TeamProfileClient.Rejected e) {
            return notSent(e.status(), new NotSent(what, "the priority service refused it: " + e.getMessage(), false,
                    null, Map.of(), back));
        }
        return Response.seeOther(URI.create(back)).build();
    }

    private Response notSent(int status, NotSent view) {
        return Response.status(status).entity(Pages.notSent(Viewer.of(identity), view)).build();
    }

    /** Only a path of this site: never another host ({@code //host}, {@code /\host}) or a scheme. */
    static String safeBack(String back, String fallback) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return fallback;
        }
        return back;
    }

    private static String paperType(String name) {
        try {
            return PaperType.valueOf(name.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("paperType must be one of " + java.util.List.of(PaperType.values()));
        }
    }

    private static int relevance(String value) {
        try {
            int r = Integer.parseInt(value.strip());
            if (r >= 1 && r <= 5) {
                return r;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("relevance must be 1..5");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String valid(String id) {
        if (!ArxivId.isValidId(id)) {
            throw ProblemException.badRequest(ArxivId.explainUnversioned(id));
        }
        return id;
    }
}
