package dev.paperstream.notes.web;

import dev.paperstream.notes.notify.Channel;
import dev.paperstream.notes.notify.ChannelRepository;
import dev.paperstream.notes.notify.ChannelRules;
import dev.paperstream.notes.notify.Delivery;
import dev.paperstream.notes.notify.NotificationRepository;
import dev.paperstream.notes.teams.TeamProfile;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.notes.teams.TeamProfileClient;
import dev.paperstream.support.auth.Roles;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A team's settings page: the relevance profile (kept by the priority service, edited here by editors), the
 * channels (edited by admins; targets shown to editors only, secrets never), deliveries and the feed.
 */
@Path("/teams")
@Produces(MediaType.TEXT_HTML)
public class TeamPage {
    private final ChannelRepository channels;
    private final NotificationRepository notifications;
    private final TeamProfileClient profiles;
    private final SecurityIdentity identity;

    public TeamPage(ChannelRepository channels, NotificationRepository notifications, TeamProfileClient profiles,
            SecurityIdentity identity) {
        this.channels = channels;
        this.notifications = notifications;
        this.profiles = profiles;
        this.identity = identity;
    }

    public record TeamView(String team, ProfileForm profile, String profileMessage, List<Channel> channels,
            String channelError, List<Delivery> deliveries) {
    }

    /** The profile as the form shows it; {@code stored} is false for a team priority has no profile for. */
    public record ProfileForm(String categories, String terms, String seedPapers, boolean matchAll, boolean stored) {
        static ProfileForm of(TeamProfile p, boolean stored) {
            return new ProfileForm(p.categoriesText(), p.termsText(), p.seedPapersText(), p.matchAll(), stored);
        }

        static final ProfileForm EMPTY = new ProfileForm("", "", "", false, false);
    }

    @GET
    @Path("{team}")
    public Response page(@PathParam("team") String team) {
        TeamName.check(team);
        return render(200, team, null, null, null);
    }

    @POST
    @Path("{team}/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(@PathParam("team") String team, @FormParam("categories") String categories,
            @FormParam("terms") String terms, @FormParam("seedPapers") String seedPapers,
            @FormParam("matchAll") String matchAll, @CookieParam(SessionCookieMechanism.COOKIE) String session,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        TeamName.check(team);
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        ProfileForm submitted = new ProfileForm(nullToEmpty(categories), nullToEmpty(terms), nullToEmpty(seedPapers),
                matchAll != null, true);
        try {
            TeamProfile profile = TeamProfile.fromForm(categories, terms, seedPapers, matchAll != null);
            profiles.save(team, profile, callerToken(session, authorization));
        } catch (IllegalArgumentException e) {
            return render(400, team, submitted, e.getMessage(), null);
        } catch (TeamProfileClient.Rejected e) {
            return render(e.status(), team, submitted, "The priority service refused the profile: " + e.getMessage(),
                    null);
        } catch (TeamProfileClient.Unavailable e) {
            return render(502, team, submitted, "Not saved: " + e.getMessage(), null);
        }
        return Response.seeOther(URI.create("/teams/" + team + "#profile")).build();
    }

    @POST
    @Path("{team}/channels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addChannel(@PathParam("team") String team, @FormParam("kind") String kind,
            @FormParam("target") String target, @FormParam("secret") String secret) {
        TeamName.check(team);
        Response denied = FormAccess.denied(identity, Roles.ADMIN);
        if (denied != null) {
            return denied;
        }
        Channel channel = new Channel(kind, target == null ? null : target.strip(),
                secret == null || secret.isBlank() ? null : secret);
        try {
            ChannelRules.check(channel);
        } catch (ProblemException e) {
            return render(400, team, null, null, e.getMessage());
        }
        channels.add(team, channel);
        return Response.seeOther(URI.create("/teams/" + team + "#channels")).build();
    }

    @POST
    @Path("{team}/channels/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeChannel(@PathParam("team") String team, @FormParam("kind") String kind,
            @FormParam("target") String target) {
        TeamName.check(team);
        Response denied = FormAccess.denied(identity, Roles.ADMIN);
        if (denied != null) {
            return denied;
        }
        channels.remove(team, kind, target);
        return Response.seeOther(URI.create("/teams/" + team + "#channels")).build();
    }

    /** {@code submitted} null: show the stored profile (the profile form was not what failed). */
    private Response render(int status, String team, ProfileForm submitted, String profileMessage,
            String channelError) {
        ProfileForm form = submitted;
        String message = profileMessage;
        if (form == null) {
            try {
                form = profiles.find(team).map(p -> ProfileForm.of(p, true)).orElse(ProfileForm.EMPTY);
            } catch (TeamProfileClient.Unavailable | TeamProfileClient.Rejected e) {
                form = ProfileForm.EMPTY;
                message = "The profile cannot be shown now: " + e.getMessage();
            }
        }
        Viewer viewer = Viewer.of(identity);
        return Response.status(status).entity(Templates.team(viewer, new TeamView(team, form, message,
                shownChannels(team, viewer), channelError, notifications.list(team, null, 100)))).build();
    }

    private List<Channel> shownChannels(String team, Viewer viewer) {
        return channels.forTeam(team).stream()
                .map(c -> new Channel(c.kind(), viewer.canEdit() ? c.target() : "(sign in as editor to see)", null))
                .toList();
    }

    /** The signed-in person's own token, passed on so that priority applies its own role check. */
    private static String callerToken(String session, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return session == null ? "" : session;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
