package dev.paperstream.ingest.fulltext;

/**
 * Where a parked download goes when it will never succeed (the download is no PDF, the PDF cannot be
 * parsed) or when a more urgent paper displaced it: the paper.scored dead-letter topic, with the reason.
 * Returns once the record is safe, so that the caller may then remove the row.
 */
public interface PdfDeadLetters {
    void send(PdfFetchQueue.Parked parked, String reason);
}
