package dev.paperstream.priority.relevance;

/** A word or phrase a team cares about (positive weight) or wants to see less of (negative). */
public record WeightedTerm(String term, double weight) {
}
