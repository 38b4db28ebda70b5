package dev.paperstream.ingest.feed;

/** One item of a document that was not accepted: its id (or position) and why. */
public record Rejection(String item, String reason) {
}
