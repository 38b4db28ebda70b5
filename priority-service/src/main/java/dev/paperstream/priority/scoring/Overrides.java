package dev.paperstream.priority.scoring;

import dev.paperstream.events.PaperType;

/** Factors given directly (each may be null): they replace what the service would derive. */
public record Overrides(PaperType paperType, Integer citations, Double monthsSincePublication, Boolean hasCode,
        Integer relevance) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null);
}
