package dev.paperstream.ingest.feed;

/** The document as a whole cannot be read (not XML, truncated, a DOCTYPE, not the expected format). */
public class UnreadableDocumentException extends RuntimeException {
    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
