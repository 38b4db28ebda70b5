package dev.paperstream.notes.api;

import dev.paperstream.notes.drafts.DraftsConfig;
import dev.paperstream.notes.drafts.NoteDrafter;
import dev.paperstream.notes.teams.TeamName;
import dev.paperstream.support.auth.TeamAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a team's LLM drafts cost today, against its daily token budget. */
@Path("/api/teams/{team}/drafts")
@Produces(MediaType.APPLICATION_JSON)
public class DraftUsageResource {
    private final NoteDrafter drafter;
    private final DraftsConfig config;
    private final TeamAccess access;

    public DraftUsageResource(NoteDrafter drafter, DraftsConfig config, TeamAccess access) {
        this.drafter = drafter;
        this.config = config;
        this.access = access;
    }

    public record Usage(String team, boolean enabled, String endpoint, long spentToday, long dailyBudget) {
    }

    @GET
    @Path("/usage")
    public Usage usage(@PathParam("team") String team) {
        access.requireTeam(TeamName.check(team));
        return new Usage(team, config.enabled(), config.endpointOf(team).orElse(null), drafter.spentToday(team),
                config.budgetOf(team));
    }
}
