package dev.paperstream.launcher;

/** A launch that cannot go on, with a message that says what to do; printed without a stack trace. */
public final class LaunchException extends RuntimeException {
    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
