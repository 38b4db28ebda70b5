package dev.paperstream.notes.web;

import dev.paperstream.notes.feeds.FeedTokens;
import dev.paperstream.notes.channels.Channel;
import dev.paperstream.notes.store.ChannelRepository;
import dev.paperstream.notes.notify.ChannelRules;
import dev.paperstream.notes.channels.Delivery;
import dev.paperstream.notes.store.NotificationRepository;
import dev.paperstream.notes.notify.NotifyConfig;
import dev.paperstream.notes.channels.Redaction;
import dev.paperstream.notes.teams.TeamProfile;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.notes.teams.TeamProfileClient;
import dev.paperstream.support.auth.Roles;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A team's settings page: the relevance profile (kept by the priority service, edited here by editors), the
 * channels (edited by admins; targets shown masked to editors only, secrets never), deliveries, the feed and its
 * tokens (made and revoked by editors; a new token's URL is shown once).
 */
@Path("/teams")
@Produces(MediaType.TEXT_HTML)
public class TeamPage {
    private final ChannelRepository channels;
    private final NotificationRepository notifications;
    private final TeamProfileClient profiles;
    private final FeedTokens feedTokens;
    private final NotifyConfig notifyConfig;
    private final SecurityIdentity identity;
    private final OutboundUrls outbound;
    private final TeamAccess access;

    public TeamPage(ChannelRepository channels, NotificationRepository notifications, TeamProfileClient profiles,
            FeedTokens feedTokens, NotifyConfig notifyConfig, SecurityIdentity identity, OutboundUrls outbound,
            TeamAccess access) {
        this.access = access;
        this.outbound = outbound;
        this.notifyConfig = notifyConfig;
        this.channels = channels;
        this.notifications = notifications;
        this.profiles = profiles;
        this.feedTokens = feedTokens;
        this.identity = identity;
    }

    public record TeamView(String team, ProfileForm profile, String profileMessage, List<ChannelRow> channels,
            String channelError, List<Delivery> deliveries, List<FeedTokens.FeedToken> feedTokens,
            String newFeedUrl, NewSecret newSecret) {
    }

    /** A channel's signing secret just generated, shown this once. */
    public record NewSecret(String channel, String secret) {
    }

    /**
     * A channel as the page lists it: the target masked for editors (a webhook URL is a credential), hidden from
     * others; {@code key} names the channel in the remove form without repeating its target.
     */
    public record ChannelRow(String kind, String shown, String key) {
        static ChannelRow of(Channel c, Viewer viewer) {
            return new ChannelRow(c.kind(), viewer.canEdit() ? Redaction.masked(c.target())
                    : "(sign in as editor to see)", c.id());
        }
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
        access.requireTeam(TeamName.check(team));
        return render(200, team, null, null, null, null);
    }

    @POST
    @Path("{team}/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(@PathParam("team") String team, @FormParam("categories") String categories,
            @FormParam("terms") String terms, @FormParam("seedPapers") String seedPapers,
            @FormParam("matchAll") String matchAll) {
        access.requireTeam(TeamName.check(team));
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        ProfileForm submitted = new ProfileForm(nullToEmpty(categories), nullToEmpty(terms), nullToEmpty(seedPapers),
                matchAll != null, true);
        try {
            TeamProfile profile = TeamProfile.fromForm(categories, terms, seedPapers, matchAll != null);
            profiles.save(team, profile, callerToken());
        } catch (IllegalArgumentException e) {
            return render(400, team, submitted, e.getMessage(), null, null);
        } catch (TeamProfileClient.Rejected e) {
            return render(e.status(), team, submitted, "The priority service refused the profile: " + e.getMessage(),
                    null, null);
        } catch (TeamProfileClient.Unavailable e) {
            return render(502, team, submitted, "Not saved: " + e.getMessage(), null, null);
        }
        return Response.seeOther(URI.create("/teams/" + team + "#profile")).build();
    }

    @POST
    @Path("{team}/channels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addChannel(@PathParam("team") String team, @FormParam("kind") String kind,
            @FormParam("target") String target) {
        access.requireTeam(TeamName.check(team));
        Response denied = FormAccess.denied(identity, Roles.ADMIN);
        if (denied != null) {
            return denied;
        }
        Channel channel = new Channel(kind, target == null ? null : target.strip(), null);
        try {
            ChannelRules.check(channel, outbound);
        } catch (ProblemException e) {
            return render(400, team, null, null, e.getMessage(), null);
        }
        Channel added = channels.add(team, channel).orElse(null);
        if (added == null) {
            return render(409, team, null, null, "The team has this channel already.", null);
        }
        if (added.secret() == null) {
            return Response.seeOther(URI.create("/teams/" + team + "#channels")).build();
        }
        return render(200, team, null, null, null, null,
                new NewSecret(added.kind() + ": " + Redaction.masked(added.target()), added.secret()));
    }

    @POST
    @Path("{team}/channels/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeChannel(@PathParam("team") String team, @FormParam("key") String key) {
        access.requireTeam(TeamName.check(team));
        Response denied = FormAccess.denied(identity, Roles.ADMIN);
        if (denied != null) {
            return denied;
        }
        Viewer viewer = Viewer.of(identity);
        channels.forTeam(team).stream().filter(c -> ChannelRow.of(c, viewer).key().equals(key)).findFirst()
                .ifPresent(c -> channels.remove(team, c.kind(), c.target()));
        return Response.seeOther(URI.create("/teams/" + team + "#channels")).build();
    }

    /** Makes a feed token and shows its URL on the page, this once: only its digest is kept. */
    @POST
    @Path("{team}/feed-tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createFeedToken(@PathParam("team") String team) {
        access.requireTeam(TeamName.check(team));
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        FeedTokens.Created created = feedTokens.create(team, identity.getPrincipal().getName());
        return render(200, team, null, null, null, FeedTokens.url(notifyConfig.publicUrl(), team, created.token()));
    }

    @POST
    @Path("{team}/feed-tokens/{id: [0-9]{1,18}}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeFeedToken(@PathParam("team") String team, @PathParam("id") long id) {
        access.requireTeam(TeamName.check(team));
        Response denied = FormAccess.denied(identity, Roles.EDITOR);
        if (denied != null) {
            return denied;
        }
        feedTokens.revoke(team, id);
        return Response.seeOther(URI.create("/teams/" + team + "#feed-tokens")).build();
    }

    /**
     * {@code submitted} null: show the stored profile (the profile form was not what failed); {@code newFeedUrl}:
     * a feed token just made, shown this once.
     */
    Response render(int status, String team, ProfileForm submitted, String profileMessage, String channelError,
            String newFeedUrl) {
        return render(status, team, submitted, profileMessage, channelError, newFeedUrl, null);
    }

    private Response render(int status, String team, ProfileForm submitted, String profileMessage,
            String channelError, String newFeedUrl, NewSecret newSecret) {
        ProfileForm form = submitted;
        String message = profileMessage;
        if (form == null) {
            try {
                form = profiles.find(team, callerToken()).map(p -> ProfileForm.of(p, true)).orElse(ProfileForm.EMPTY);
            } catch (TeamProfileClient.Unavailable | TeamProfileClient.Rejected e) {
                form = ProfileForm.EMPTY;
                message = "The profile cannot be shown now: " + e.getMessage();
            }
        }
        Viewer viewer = Viewer.of(identity);
        List<ChannelRow> rows = channels.forTeam(team).stream().map(c -> ChannelRow.of(c, viewer)).toList();
        return Response.status(status).entity(Templates.team(viewer, new TeamView(team, form, message, rows,
                channelError, notifications.list(team, null, 100),
                viewer.canEdit() ? feedTokens.list(team) : List.of(), newFeedUrl, newSecret))).build();
    }

    /**
     * The person's own token, passed on so that priority applies its own role check: the one their web session
     * was started with, or the bearer token of the request; null for an anonymous visitor.
     */
    private String callerToken() {
        String sessionToken = identity.getAttribute(SessionIdentityProvider.TOKEN_ATTRIBUTE);
        if (sessionToken != null) {
            return sessionToken;
        }
        return identity.getCredential(TokenCredential.class) == null ? null
                : identity.getCredential(TokenCredential.class).getToken();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
