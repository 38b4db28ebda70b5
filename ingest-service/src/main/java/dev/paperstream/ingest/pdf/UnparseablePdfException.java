package dev.paperstream.ingest.pdf;

/** A PDF the embedded parser cannot read: encrypted, truncated, HTML, image-only, too long. */
public class UnparseablePdfException extends RuntimeException {
    public UnparseablePdfException(String message) {
        super(message);
    }
}
