package dev.paperstream.ingest.arxiv;

import java.time.Instant;
import java.util.Optional;

/** arXiv did not answer usefully after every allowed attempt, refuses us (403), or asked us to wait longer. */
public class ArxivUnavailableException extends RuntimeException {
    /** Why no answer came: the cause decides whether and when work that needs arXiv is tried again. */
    public enum Kind {
        /** arXiv answered 403: nothing is sent to any arXiv host until an admin clears the block. */
        BLOCKED,
        /** arXiv asked every instance to wait (Retry-After, 429, 5xx) longer than a request waits: {@link #retryAt}. */
        BACKING_OFF,
        /** Unreachable, or 5xx on every attempt. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final Instant retryAt;

    public ArxivUnavailableException(String message, boolean blocked) {
        this(message, blocked ? Kind.BLOCKED : Kind.UNAVAILABLE, null);
    }

    public ArxivUnavailableException(String message, Kind kind, Instant retryAt) {
        super(message);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    /** True when arXiv answered 403 and all polling is stopped until an operator clears the block. */
    public boolean blocked() {
        return kind == Kind.BLOCKED;
    }

    public Kind kind() {
        return kind;
    }

    /** When arXiv allows the next request, for {@link Kind#BACKING_OFF}. */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}
