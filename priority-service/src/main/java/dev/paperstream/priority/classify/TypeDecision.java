package dev.paperstream.priority.classify;

import dev.paperstream.events.PaperType;

/** The paper type chosen and why, e.g. "matched: kernel, speedup". */
public record TypeDecision(PaperType type, String evidence) {
}
