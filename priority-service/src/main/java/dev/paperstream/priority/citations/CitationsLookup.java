package dev.paperstream.priority.citations;

import jakarta.enterprise.context.ApplicationScoped;

/** Citation counts for papers; without a configured provider every count is unknown. */
@ApplicationScoped
public class CitationsLookup {

    public CitationCount citations(String arxivId) {
        return CitationCount.unknown("no provider configured");
    }
}
