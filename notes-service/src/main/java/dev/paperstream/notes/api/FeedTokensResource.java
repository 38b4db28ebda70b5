package dev.paperstream.notes.api;

import dev.paperstream.notes.feeds.FeedTokens;
import dev.paperstream.notes.notify.NotifyConfig;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** {@code /api/teams/{team}/feed-tokens}: editors make, list and revoke a team's feed tokens. */
@Path("/api/teams/{team}/feed-tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class FeedTokensResource {
    private final FeedTokens tokens;
    private final NotifyConfig config;
    private final SecurityIdentity identity;
    private final TeamAccess access;

    public FeedTokensResource(FeedTokens tokens, NotifyConfig config, SecurityIdentity identity, TeamAccess access) {
        this.access = access;
        this.tokens = tokens;
        this.config = config;
        this.identity = identity;
    }

    /** The new token and its feed URL; neither is shown again. */
    public record NewFeedToken(long id, String token, String url) {
    }

    @GET
    public List<FeedTokens.FeedToken> list(@PathParam("team") String team) {
        return tokens.list(access.requireTeam(TeamName.check(team)));
    }

    @POST
    public Response create(@PathParam("team") String team) {
        FeedTokens.Created created = tokens.create(access.requireTeam(TeamName.check(team)), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/teams/" + team + "/feed-tokens/" + created.id()))
                .entity(new NewFeedToken(created.id(), created.token(),
                        FeedTokens.url(config.publicUrl(), team, created.token())))
                .build();
    }

    @DELETE
    @Path("{id: [0-9]{1,18}}")
    public Response revoke(@PathParam("team") String team, @PathParam("id") long id) {
        if (!tokens.revoke(access.requireTeam(TeamName.check(team)), id)) {
            throw ProblemException.notFound("team " + team + " has no feed token " + id);
        }
        return Response.noContent().build();
    }
}
