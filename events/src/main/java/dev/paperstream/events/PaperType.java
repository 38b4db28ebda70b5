package dev.paperstream.events;

public enum PaperType {
    ARCHITECTURE, OPTIMIZATION, EMPIRICAL, THEORETICAL, APPLICATION;

    /** Architecture and optimization papers get the seed rule's +2. */
    public boolean isMethodContribution() {
        return this == ARCHITECTURE || this == OPTIMIZATION;
    }
}
