package dev.paperstream.priority.teams;

import dev.paperstream.priority.relevance.KeywordRelevance;
import dev.paperstream.priority.scoring.PaperText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The teams a paper is scored for. The default team matches every paper. */
@ApplicationScoped
public class TeamDirectory {
    private final Team defaultTeam;

    public TeamDirectory(TeamsConfig config) {
        this.defaultTeam = new Team(config.defaultTeam(), new KeywordRelevance(config.defaultKeywords()));
    }

    public List<Team> teamsFor(PaperText paper) {
        return List.of(defaultTeam);
    }

    public Optional<Team> team(String name) {
        return defaultTeam.name().equals(name) ? Optional.of(defaultTeam) : Optional.empty();
    }

    public Team defaultTeam() {
        return defaultTeam;
    }
}
