package dev.paperstream.notes.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The papers nearest in meaning to one paper, as the priority service answers {@code /api/papers/{id}/related}:
 * most similar first; a near-duplicate of the paper carries priority's note.
 */
public record RelatedPapersView(String team, List<Related> related) {

    /** A related paper; {@code note} non-null when it is a near-duplicate of the paper asked about. */
    public record Related(String id, String title, double similarity, boolean seed, String note) {
        public String similarityText() {
            return String.format(Locale.ROOT, "%.2f", similarity);
        }

        public boolean duplicate() {
            return note != null;
        }
    }

    static RelatedPapersView of(JsonNode node) {
        List<Related> related = new ArrayList<>();
        node.path("related").forEach(r -> related.add(new Related(r.path("id").asText(),
                r.path("title").isTextual() ? r.path("title").asText() : r.path("id").asText(),
                r.path("similarity").asDouble(), r.path("seed").asBoolean(),
                r.path("note").isTextual() ? r.path("note").asText() : null)));
        return new RelatedPapersView(node.path("team").asText(), related);
    }
}
