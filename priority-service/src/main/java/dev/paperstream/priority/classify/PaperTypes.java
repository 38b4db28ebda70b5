package dev.paperstream.priority.classify;

import jakarta.enterprise.context.ApplicationScoped;

/** The service's paper-type classifier, trained once at start-up on the committed labelled set. */
@ApplicationScoped
public class PaperTypes {
    private final LearnedTypeClassifier classifier = LearnedTypeClassifier.fromCommittedSet();

    public LearnedTypeClassifier classifier() {
        return classifier;
    }
}
