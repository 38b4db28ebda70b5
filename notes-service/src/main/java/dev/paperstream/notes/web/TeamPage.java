package dev.paperstream.notes.web;

import dev.paperstream.notes.notify.Channel;
import dev.paperstream.notes.notify.ChannelRepository;
import dev.paperstream.notes.notify.Delivery;
import dev.paperstream.notes.notify.NotificationRepository;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;

/** A team's settings page: its channels (targets only to editors, secrets never), deliveries and feed. */
@Path("/teams")
@Produces(MediaType.TEXT_HTML)
public class TeamPage {
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final ChannelRepository channels;
    private final NotificationRepository notifications;
    private final SecurityIdentity identity;

    public TeamPage(ChannelRepository channels, NotificationRepository notifications, SecurityIdentity identity) {
        this.channels = channels;
        this.notifications = notifications;
        this.identity = identity;
    }

    public record TeamView(String team, List<Channel> channels, List<Delivery> deliveries) {
    }

    @GET
    @Path("{team}")
    public TemplateInstance page(@PathParam("team") String team) {
        if (!TEAM.matcher(team).matches()) {
            throw ProblemException.badRequest("'" + team + "' is not a team name");
        }
        Viewer viewer = Viewer.of(identity);
        List<Channel> shown = channels.forTeam(team).stream()
                .map(c -> new Channel(c.kind(), viewer.canEdit() ? c.target() : "(sign in as editor to see)", null))
                .toList();
        return Templates.team(viewer, new TeamView(team, shown, notifications.list(team, null, 100)));
    }
}
