package dev.paperstream.priority.semantic;

import java.util.List;
import java.util.Set;

/**
 * Fired (synchronously, on the embedding worker's thread) after a batch of embeddings is stored and indexed:
 * the papers embedded, and those among them found to repeat an earlier paper. Re-scoring observes it, so that
 * teams whose models read embeddings rate the papers again, and a near-duplicate's score names the other paper.
 */
public record PapersEmbedded(List<String> paperIds, Set<String> duplicates) {
    public PapersEmbedded {
        paperIds = List.copyOf(paperIds);
        duplicates = Set.copyOf(duplicates);
    }
}
