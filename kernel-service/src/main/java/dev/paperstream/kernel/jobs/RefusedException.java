package dev.paperstream.kernel.jobs;

/** A valid request the device does not take now: its daily budget is used up or its queue is full. */
public class RefusedException extends RuntimeException {
    public RefusedException(String reason) {
        super(reason);
    }
}
