package dev.paperstream.notes.web;

import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.Problem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Another team's data asked for: pages answer a readable 403 page that names the teams the visitor may use; the
 * API and the feeds keep the problem+json every service answers.
 */
public class TeamForbiddenPage {
    private final Template forbidden;
    private final SecurityIdentity identity;

    public TeamForbiddenPage(@Location("forbidden.html") Template forbidden, SecurityIdentity identity) {
        this.forbidden = forbidden;
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response notYourTeam(TeamAccess.TeamForbiddenException e, UriInfo uri) {
        String path = uri.getPath();
        if (path.startsWith("/api/") || path.startsWith("/feeds/")) {
            return Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", "Forbidden", 403, e.getMessage(), path, null)).build();
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(forbidden.data("viewer", Viewer.of(identity)).data("reason", e.reason() + ".")
                        .data("teams", e.scope().describe()).render())
                .build();
    }
}
