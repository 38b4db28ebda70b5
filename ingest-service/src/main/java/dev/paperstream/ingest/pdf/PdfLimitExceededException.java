package dev.paperstream.ingest.pdf;

/** A PDF refused because parsing it would cost more than a {@link PdfLimits} allows; {@link #limit()} says which. */
public class PdfLimitExceededException extends UnparseablePdfException {
    /** The limit, as a user would name it in a refusal. */
    public enum Limit {
        PAGES, DECOMPRESSED_SIZE, TIME, MEMORY
    }

    private final Limit limit;

    public PdfLimitExceededException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
