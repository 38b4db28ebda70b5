package dev.paperstream.notes.api;

import dev.paperstream.notes.notify.Channel;
import dev.paperstream.notes.notify.ChannelRepository;
import dev.paperstream.notes.notify.ChannelRules;
import dev.paperstream.notes.notify.Delivery;
import dev.paperstream.notes.notify.DigestService;
import dev.paperstream.notes.notify.NotificationRepository;
import dev.paperstream.notes.notify.Redaction;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** A team's notification channels, its digest, and the record of deliveries. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {

    private final ChannelRepository channels;
    private final NotificationRepository notifications;
    private final DigestService digest;
    private final OutboundUrls outbound;

    public TeamsResource(ChannelRepository channels, NotificationRepository notifications, DigestService digest,
            OutboundUrls outbound) {
        this.channels = channels;
        this.outbound = outbound;
        this.notifications = notifications;
        this.digest = digest;
    }

    /**
     * A channel as shown: the target masked after its first path segment (a webhook URL is a credential), the
     * secret never.
     */
    public record ChannelView(String kind, String target, boolean signed) {
    }

    @GET
    @Path("teams/{team}/channels")
    @RolesAllowed("editor")
    public List<ChannelView> channels(@PathParam("team") String team) {
        return channels.forTeam(TeamName.check(team)).stream()
                .map(c -> new ChannelView(c.kind(), Redaction.masked(c.target()), c.secret() != null)).toList();
    }

    /** Body: {@code [{"kind": "slack|webhook|email", "target": "...", "secret": "..."}]}; replaces all. */
    @PUT
    @Path("teams/{team}/channels")
    @RolesAllowed("admin")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ChannelView> replace(@PathParam("team") String team, List<Channel> body) {
        if (body == null) {
            throw ProblemException.badRequest("the body must be a list of channels");
        }
        body.forEach(c -> ChannelRules.check(c, outbound));
        channels.replace(TeamName.check(team), body);
        return channels(team);
    }

    @POST
    @Path("teams/{team}/digest")
    @RolesAllowed("admin")
    public Map<String, Integer> sendDigest(@PathParam("team") String team) {
        return Map.of("papers", digest.send(TeamName.check(team)));
    }

    /** Editors only: a delivery names its target (masked, since a Slack webhook URL is as good as a password). */
    @GET
    @Path("notifications")
    @RolesAllowed("editor")
    public List<Delivery> deliveries(@QueryParam("team") String team, @QueryParam("paperId") String paperId) {
        return notifications.list(QueryParams.blankToNull(team), QueryParams.blankToNull(paperId), 200);
    }
}
