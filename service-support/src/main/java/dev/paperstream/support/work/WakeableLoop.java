package dev.paperstream.support.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Runs a round of work over and over on a thread of its own: at once when {@link #wake woken} (typically
 * by a transaction that committed work for it), else every poll interval (work written by other
 * instances, retries that came due), and again at once while a round says more may be waiting. Quarkus'
 * scheduler checks its triggers once a second, too late for work that should leave within milliseconds.
 */
public final class WakeableLoop {
    private static final Logger LOG = Logger.getLogger(WakeableLoop.class);

    private final String name;
    private final Duration pollInterval;
    private final BooleanSupplier round;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** {@code round} does one round and answers whether more work may be waiting; its exceptions are logged. */
    public WakeableLoop(String name, Duration pollInterval, BooleanSupplier round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.round = round;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::runUntilStopped, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a round soon; wake-ups while a round runs give one more round, not one each. */
    public void wake() {
        wakeUp.release();
    }

    /** Stops after the round in progress, waiting for it up to {@code grace}; false when it was still running. */
    public boolean stop(Duration grace) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
            running = false;
        }
        if (t == null) {
            return true;
        }
        wakeUp.release();
        t.join(grace.toMillis());
        return !t.isAlive();
    }

    private void runUntilStopped() {
        while (running) {
            boolean more = false;
            try {
                more = round.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed, will retry: %s", name, e.getMessage());
            }
            if (!more) {
                awaitWork();
            }
        }
    }

    private void awaitWork() {
        try {
            if (wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                // one round serves everything so far: the wake-ups that came meanwhile are spent with it
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
