package dev.paperstream.ingest.arxiv;

import java.net.URI;

/** A response from arXiv that is not a 5xx or 403 (those are retried or stop the client). */
public record ArxivResponse(URI uri, int status, String contentType, byte[] body) {
}
