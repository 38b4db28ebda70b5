package dev.paperstream.ingest.pdf;

/**
 * Every parse slot stayed taken for a whole {@code max-parse-time} while this PDF waited: nothing is known
 * about the PDF itself, so it is worth trying again later, unlike an {@link UnparseablePdfException}.
 */
public class PdfParserBusyException extends RuntimeException {
    public PdfParserBusyException(String message) {
        super(message);
    }
}
