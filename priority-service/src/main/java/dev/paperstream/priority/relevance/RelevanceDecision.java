package dev.paperstream.priority.relevance;

/** Relevance 1..5 for one team and why, e.g. "matched: attention, gpu". */
public record RelevanceDecision(int relevance, String evidence) {
}
