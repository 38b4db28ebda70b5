package dev.paperstream.priority.citations;

import java.util.List;
import java.util.Map;

/** A citation database that answers many arXiv ids (without version) at once. */
public interface CitationProvider {

    /** A short name for reasons: "Semantic Scholar". */
    String name();

    /** How many ids one request may carry. */
    int batchSize();

    /**
     * Citation counts of the ids the provider knows; ids it does not know are absent.
     *
     * @throws ProviderUnavailable when the provider cannot be reached or keeps refusing
     */
    Map<String, Integer> citations(List<String> arxivIds);

    /** The provider could not answer; counts stay unknown. */
    class ProviderUnavailable extends RuntimeException {
        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
