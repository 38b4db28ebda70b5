package dev.paperstream.ingest.feed;

/** The arXiv API answered with its error feed (one entry titled "Error") instead of results. */
public class ArxivApiErrorException extends UnreadableDocumentException {
    public ArxivApiErrorException(String message) {
        super(message);
    }
}
