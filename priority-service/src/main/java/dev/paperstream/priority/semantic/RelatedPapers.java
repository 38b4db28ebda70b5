package dev.paperstream.priority.semantic;

import dev.paperstream.priority.store.EmbeddingRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The papers nearest in meaning to a paper or a text, among a team's papers (those scored for it, or every
 * paper for a team that matches all) and its seed papers, with near-duplicates marked.
 */
@ApplicationScoped
public class RelatedPapers {
    private final SemanticIndex index;
    private final EmbeddingRepository store;
    private final NearDuplicates duplicates;

    public RelatedPapers(SemanticIndex index, EmbeddingRepository store, SemanticConfig config) {
        this.index = index;
        this.store = store;
        this.duplicates = new NearDuplicates(config.duplicateCosine(), config.duplicateTitleSimilarity());
    }

    /**
     * Where to search: the papers scored for team {@code name} and its {@code seeds}, or every paper when
     * {@code everyPaper} (a team that matches all papers, or no team given). The API resolves the team, so
     * that this package depends on {@code store} only and relevance models may use embeddings later.
     */
    public record Scope(String name, boolean everyPaper, Set<String> seeds) {
        public static final Scope EVERY_PAPER = new Scope(null, true, Set.of());
    }

    /** A paper found near the query; {@code duplicateOf} and {@code note} are set for a near-duplicate of it. */
    public record Related(String id, String title, double similarity, boolean seed, String duplicateOf,
            String note) {
    }

    /** Whether the paper is stored, and whether its embedding is in the index. */
    public enum Known { UNKNOWN, NOT_EMBEDDED, EMBEDDED }

    public Known known(String paperId) {
        if (index.papers().vector(paperId) != null) {
            return Known.EMBEDDED;
        }
        return store.titles(Set.of(paperId)).isEmpty() ? Known.UNKNOWN : Known.NOT_EMBEDDED;
    }

    public long queued() {
        return store.queued();
    }

    public String backend() {
        return index.backend();
    }

    /** The {@code k} papers nearest to the stored paper (itself excluded), within the scope. */
    public List<Related> nearPaper(String paperId, Scope scope, int k) {
        float[] query = index.papers().vector(paperId);
        if (query == null) {
            throw new IllegalStateException("paper " + paperId + " has no embedding");
        }
        String title = store.titles(Set.of(paperId)).get(paperId);
        return near(query, paperId, title, scope, k);
    }

    /** The {@code k} papers nearest to a text, within the scope. */
    public List<Related> nearText(String text, Scope scope, int k) {
        return near(PaperEmbedder.embed(text), null, null, scope, k);
    }

    private List<Related> near(float[] query, String paperId, String title, Scope scope, int k) {
        Set<String> seeds = scope.seeds();
        Set<String> excluded = paperId == null ? Set.of() : Set.of(paperId);
        List<VectorIndex.Hit> hits = index.papers().nearest(query, k, scope.everyPaper()
                ? NearestPapers.Candidates.everyPaperBut(excluded)
                : new NearestPapers.Candidates(scope.name(), seeds, excluded));
        Set<String> ids = new HashSet<>();
        hits.forEach(h -> ids.add(h.id()));
        Map<String, String> titles = store.titles(ids);
        return hits.stream().map(h -> {
            String other = titles.get(h.id());
            String note = paperId == null ? null
                    : duplicates.note(paperId, title, other, h.cosine()).orElse(null);
            return new Related(h.id(), other, Math.round(h.cosine() * 10000) / 10000.0, seeds.contains(h.id()),
                    note == null ? null : paperId, note);
        }).toList();
    }
}
