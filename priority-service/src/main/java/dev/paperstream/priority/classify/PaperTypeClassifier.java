package dev.paperstream.priority.classify;

import dev.paperstream.priority.text.TokenizedText;

/** Decides a paper's type from its title, abstract and comment (and full text when known). */
public interface PaperTypeClassifier {
    TypeDecision classify(TokenizedText text);
}
