package dev.paperstream.notes.api;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.support.auth.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whose a paper's notes are: a paper belongs to the teams that scored it (its notes are shared by them), so a
 * caller may read and edit them when one of those teams is theirs ({@link TeamAccess}), or while no team has
 * scored the paper yet.
 */
@ApplicationScoped
public class PaperAccess {
    private final ScoreRepository scores;
    private final TeamAccess access;

    public PaperAccess(ScoreRepository scores, TeamAccess access) {
        this.scores = scores;
        this.access = access;
    }

    /** A 403 problem naming the caller's teams unless the paper is theirs or nobody's yet. */
    public void require(String paperId) {
        if (!access.scope().allTeams()) {
            access.requireAnyOf(scores.forPaper(paperId).stream().map(PaperScored::team).toList(),
                    "paper " + paperId);
        }
    }
}
