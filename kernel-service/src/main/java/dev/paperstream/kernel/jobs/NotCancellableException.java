package dev.paperstream.kernel.jobs;

/** A cancel of a job that is not waiting in a queue (running, finished, or answered by another job). */
public class NotCancellableException extends RuntimeException {
    public NotCancellableException(String detail) {
        super(detail);
    }
}
