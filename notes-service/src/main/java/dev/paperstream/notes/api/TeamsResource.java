package dev.paperstream.notes.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paperstream.notes.channels.Channel;
import dev.paperstream.notes.store.ChannelRepository;
import dev.paperstream.notes.notify.ChannelRules;
import dev.paperstream.notes.channels.Delivery;
import dev.paperstream.notes.notify.DigestService;
import dev.paperstream.notes.store.NotificationRepository;
import dev.paperstream.notes.channels.Redaction;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.auth.TeamScope;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A team's notification channels, its digest, and the record of deliveries. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {
    private static final int DELIVERIES = 200;

    private final ChannelRepository channels;
    private final NotificationRepository notifications;
    private final DigestService digest;
    private final OutboundUrls outbound;
    private final TeamAccess access;

    public TeamsResource(ChannelRepository channels, NotificationRepository notifications, DigestService digest,
            OutboundUrls outbound, TeamAccess access) {
        this.access = access;
        this.channels = channels;
        this.outbound = outbound;
        this.notifications = notifications;
        this.digest = digest;
    }

    /**
     * A channel as shown: {@code id} names it in URLs, the target is masked after its first path segment (a
     * webhook URL is a credential); {@code secret} only in the answer that made it (adding the channel, or
     * rotating its secret), never again.
     */
    public record ChannelView(String id, String kind, String target, boolean signed,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
        static ChannelView of(Channel c, String shownSecret) {
            return new ChannelView(c.id(), c.kind(), Redaction.masked(c.target()), c.secret() != null, shownSecret);
        }
    }

    @GET
    @Path("teams/{team}/channels")
    @RolesAllowed("editor")
    public List<ChannelView> channels(@PathParam("team") String team) {
        return channels.forTeam(team(team)).stream().map(c -> ChannelView.of(c, null)).toList();
    }

    /**
     * Body: {@code [{"kind": "slack|webhook|email", "target": "..."}]}; replaces all. Channels that stay keep their
     * secret; the answer shows the secrets of the channels this call added, once.
     */
    @PUT
    @Path("teams/{team}/channels")
    @RolesAllowed("admin")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ChannelView> replace(@PathParam("team") String team, List<Channel> body) {
        if (body == null) {
            throw ProblemException.badRequest("the body must be a list of channels");
        }
        team(team);
        body.forEach(c -> ChannelRules.check(c, outbound));
        Map<String, String> created = channels.replace(team, body).stream()
                .filter(Channel::signed).collect(Collectors.toMap(Channel::id, Channel::secret));
        return channels.forTeam(team).stream().map(c -> ChannelView.of(c, created.get(c.id()))).toList();
    }

    /** Body: {@code {"kind": ..., "target": ...}}; 201 with the new secret, 409 when the team has the channel. */
    @POST
    @Path("teams/{team}/channels")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("team") String team, Channel body) {
        team(team);
        ChannelRules.check(body, outbound);
        Channel created = channels.add(team, body).orElseThrow(() -> new ProblemException(409,
                "Conflict", "the team has this channel already; rotate its secret or remove it"));
        return Response.status(201).entity(ChannelView.of(created, created.secret())).build();
    }

    @DELETE
    @Path("teams/{team}/channels/{id}")
    @RolesAllowed("admin")
    public Response remove(@PathParam("team") String team, @PathParam("id") String id) {
        Channel channel = known(team, id);
        channels.remove(team, channel.kind(), channel.target());
        return Response.noContent().build();
    }

    /** A new signing secret, shown in this answer only; the old one stops signing at once. */
    @POST
    @Path("teams/{team}/channels/{id}/secret")
    @RolesAllowed("admin")
    public ChannelView rotateSecret(@PathParam("team") String team, @PathParam("id") String id) {
        Channel channel = known(team, id);
        String secret = channels.rotateSecret(team, channel).orElseThrow(() -> ProblemException.badRequest(
                "e-mail channels have no signing secret"));
        return ChannelView.of(channel, secret);
    }

    private Channel known(String team, String id) {
        return channels.find(team(team), id).orElseThrow(() -> ProblemException.notFound(
                "team " + team + " has no channel " + id));
    }

    /** Sends the team's new digest, and again the earlier digests that failed on some channel. */
    @POST
    @Path("teams/{team}/digest")
    @RolesAllowed("admin")
    public DigestService.Run sendDigest(@PathParam("team") String team) {
        return digest.send(team(team));
    }

    /** Editors only: a delivery names its target (masked, since a Slack webhook URL is as good as a password). */
    @GET
    @Path("notifications")
    @RolesAllowed("editor")
    public List<Delivery> deliveries(@QueryParam("team") String team, @QueryParam("paperId") String paperId) {
        String t = QueryParams.blankToNull(team);
        String p = QueryParams.blankToNull(paperId);
        TeamScope scope = access.scope();
        if (t != null || scope.allTeams()) {
            return notifications.list(t == null ? null : access.requireTeam(t), p, DELIVERIES);
        }
        // a caller with some teams sees the newest deliveries of those teams, not the newest of all filtered after
        return scope.teams().stream().flatMap(own -> notifications.list(own, p, DELIVERIES).stream())
                .sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id).reversed())
                .limit(DELIVERIES).toList();
    }

    /** A team name from the path that is well-formed and one of the caller's. */
    private String team(String team) {
        return access.requireTeam(TeamName.check(team));
    }
}
