package dev.paperstream.notes.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A team's relevance model as the priority service describes it: whether it is learned from votes yet, on how many
 * papers, whether it reads papers' embeddings beside their words, the terms that push papers toward a like and a
 * dislike, and its held-out AUC at every retraining, on TF-IDF alone and with embeddings.
 */
public record RelevanceModelView(boolean learned, boolean usesEmbeddings, int examples, List<Term> likedTerms,
        List<Term> dislikedTerms, List<Retraining> history) {

    /** A term and its weight in the model. */
    public record Term(String term, double weight) {
        public String weightText() {
            return String.format(Locale.ROOT, "%+.2f", weight);
        }
    }

    /**
     * One retraining: when, on how many liked and disliked papers ({@code embedded} of them with an embedding), its
     * held-out AUC on TF-IDF alone and with embeddings (null: not measurable, or no embedding yet).
     */
    public record Retraining(Instant trainedAt, int liked, int disliked, int embedded, Double heldOutAuc,
            Double heldOutAucWithEmbeddings, int folds) {
        public String aucText() {
            return text(heldOutAuc);
        }

        public String aucWithEmbeddingsText() {
            return text(heldOutAucWithEmbeddings);
        }

        private static String text(Double auc) {
            return auc == null ? "—" : String.format(Locale.ROOT, "%.3f", auc);
        }
    }

    static RelevanceModelView of(JsonNode node) {
        List<Retraining> history = new ArrayList<>();
        node.path("history").forEach(h -> history.add(new Retraining(Instant.parse(h.path("trainedAt").asText()),
                h.path("liked").asInt(), h.path("disliked").asInt(), h.path("embedded").asInt(),
                number(h.path("heldOutAuc")), number(h.path("heldOutAucWithEmbeddings")), h.path("folds").asInt())));
        return new RelevanceModelView(node.path("learned").asBoolean(), node.path("usesEmbeddings").asBoolean(),
                node.path("examples").asInt(),
                terms(node.path("likedTerms")), terms(node.path("dislikedTerms")), history);
    }

    private static Double number(JsonNode value) {
        return value.isNumber() ? value.asDouble() : null;
    }

    private static List<Term> terms(JsonNode array) {
        List<Term> out = new ArrayList<>();
        array.forEach(t -> out.add(new Term(t.path("term").asText(), t.path("weight").asDouble())));
        return out;
    }
}
