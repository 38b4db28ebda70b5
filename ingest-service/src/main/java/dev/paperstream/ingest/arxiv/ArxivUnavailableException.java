package dev.paperstream.ingest.arxiv;

/** arXiv did not answer usefully after every allowed attempt, or refuses us (403). */
public class ArxivUnavailableException extends RuntimeException {
    private final boolean blocked;

    public ArxivUnavailableException(String message, boolean blocked) {
        super(message);
        this.blocked = blocked;
    }

    /** True when arXiv answered 403 and all polling is stopped until an operator clears the block. */
    public boolean blocked() {
        return blocked;
    }
}
