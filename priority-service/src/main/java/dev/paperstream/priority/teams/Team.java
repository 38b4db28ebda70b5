package dev.paperstream.priority.teams;

import dev.paperstream.priority.relevance.RelevanceModel;

/** A team papers are scored for, with the model that rates relevance for it. */
public record Team(String name, RelevanceModel relevance) {
}
