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

    /** One retraining: when, on how many liked and disliked papers, and how well it ranked held-out ones. */
    public record Retraining(Instant trainedAt, int liked, int disliked, Double heldOutAuc, int folds) {
    }

    public Optional<String> latestFingerprint(String team) {
        return find("team", Sort.descending("seq"), team).firstResultOptional().map(h -> h.fingerprint);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String team, int liked, int disliked, Double heldOutAuc, int folds, String fingerprint) {
        RelevanceModelHistoryEntity h = new RelevanceModelHistoryEntity();
        h.team = team;
        h.trainedAt = Instant.now();
        h.liked = liked;
        h.disliked = disliked;
        h.heldOutAuc = heldOutAuc;
        h.folds = folds;
        h.fingerprint = fingerprint;
        persist(h);
    }

    /** The team's newest {@link #SHOWN} retrainings, oldest first. */
    public List<Retraining> history(String team) {
        List<Retraining> newest = new ArrayList<>(find("team", Sort.descending("seq"), team).page(0, SHOWN).stream()
                .map(h -> new Retraining(h.trainedAt, h.liked, h.disliked, h.heldOutAuc, h.folds)).toList());
        Collections.reverse(newest);
        return newest;
    }
}
