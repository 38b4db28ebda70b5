package dev.paperstream.events;

/** A payload that does not match its event's contract; the message says which field is wrong. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
