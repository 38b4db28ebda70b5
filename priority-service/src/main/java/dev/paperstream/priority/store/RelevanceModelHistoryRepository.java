package dev.paperstream.priority.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The held-out AUC of each team's relevance model, each time it was retrained on different examples. */
@ApplicationScoped
public class RelevanceModelHistoryRepository implements PanacheRepositoryBase<RelevanceModelHistoryEntity, Long> {
    /** At most this many retrainings are listed, the newest. */
    public static final int SHOWN = 100;

    /**
     * One retraining: when, on how many liked and disliked papers ({@code embedded} of them with an embedding),
     * and how well it ranked held-out ones on TF-IDF alone ({@code heldOutAuc}) and with the embeddings
     * ({@code heldOutAucWithEmbeddings}, null while no example has one), on the same folds.
     */
    public record Retraining(Instant trainedAt, int liked, int disliked, int embedded, Double heldOutAuc,
            Double heldOutAucWithEmbeddings, int folds) {
    }

    /** What a retraining measured (AUCs null when there were too few examples for two folds). */
    public record Measured(int liked, int disliked, int embedded, Double heldOutAuc, Double heldOutAucWithEmbeddings,
            int folds) {
    }

    public Optional<String> latestFingerprint(String team) {
        return find("team", Sort.descending("seq"), team).firstResultOptional().map(h -> h.fingerprint);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String team, Measured m, String fingerprint) {
        RelevanceModelHistoryEntity h = new RelevanceModelHistoryEntity();
        h.team = team;
        h.trainedAt = Instant.now();
        h.liked = m.liked();
        h.disliked = m.disliked();
        h.embedded = m.embedded();
        h.heldOutAuc = m.heldOutAuc();
        h.heldOutAucWithEmbeddings = m.heldOutAucWithEmbeddings();
        h.folds = m.folds();
        h.fingerprint = fingerprint;
        persist(h);
    }

    /** The team's newest {@link #SHOWN} retrainings, oldest first. */
    public List<Retraining> history(String team) {
        List<Retraining> newest = new ArrayList<>(find("team", Sort.descending("seq"), team).page(0, SHOWN).stream()
                .map(h -> new Retraining(h.trainedAt, h.liked, h.disliked, h.embedded, h.heldOutAuc,
                        h.heldOutAucWithEmbeddings, h.folds)).toList());
        Collections.reverse(newest);
        return newest;
    }
}
