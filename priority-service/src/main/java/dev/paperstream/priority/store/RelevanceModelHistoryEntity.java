package dev.paperstream.priority.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A team's relevance model as retrained on a new set of examples (table {@code relevance_model_history}): the
 * examples of each kind (and how many had an embedding) and the held-out AUC of cross-validation on them, on
 * TF-IDF alone and with the embeddings; {@code fingerprint} names the example
 * set, so that reloading the same votes records nothing new.
 */
@Entity
@Table(name = "relevance_model_history")
public class RelevanceModelHistoryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public String team;

    @Column(name = "trained_at")
    public Instant trainedAt;

    public int liked;

    public int disliked;

    @Column(name = "held_out_auc")
    public Double heldOutAuc;

    public int embedded;

    @Column(name = "held_out_auc_with_embeddings")
    public Double heldOutAucWithEmbeddings;

    public int folds;

    public String fingerprint;
}
