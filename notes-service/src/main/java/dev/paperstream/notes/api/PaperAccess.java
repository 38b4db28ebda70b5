package dev.paperstream.notes.api;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whose a paper's notes are: a paper belongs to the teams that scored it (its notes are shared by them), so a
 * caller may read and edit them when one of those teams is theirs ({@link TeamAccess}), or while no team has
 * scored the paper yet.
 */
@ApplicationScoped
public class PaperAccess {
    private final PaperRepository papers;
    private final ScoreRepository scores;
    private final TeamAccess access;

    public PaperAccess(PaperRepository papers, ScoreRepository scores, TeamAccess access) {
        this.papers = papers;
        this.scores = scores;
        this.access = access;
    }

    /** The paper, when the id is valid (else 400), it was discovered (else 404) and it is the caller's (else 403). */
    public StoredPaper open(String paperId) {
        PapersResource.requireValid(paperId);
        StoredPaper paper = papers.find(paperId)
                .orElseThrow(() -> ProblemException.notFound("no paper " + paperId + " has been discovered"));
        require(paperId);
        return paper;
    }

    /** A 403 problem naming the caller's teams unless the paper is theirs or nobody's yet. */
    public void require(String paperId) {
        if (!access.scope().allTeams()) {
            access.requireAnyOf(scores.forPaper(paperId).stream().map(PaperScored::team).toList(),
                    "paper " + paperId);
        }
    }
}
