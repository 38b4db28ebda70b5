package dev.paperstream.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Restarts a service that died, as compose's {@code restart: unless-stopped} would: after 1 s, then
 * doubling up to a minute while it keeps dying; a service that stayed up for a minute starts again
 * from 1 s. Every restart is said on the console, so a crash loop is visible, not hidden.
 */
final class Supervisor implements AutoCloseable {
    /** What the supervisor watches: one service process. */
    interface Watched {
        String name();

        boolean isAlive();

        /** Exit status of the process that died, for the message. */
        int exitValue();

        void start();
    }

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);

    private final List<Watched> watched;
    private final Consumer<String> say;
    private final LongSupplier clockMillis;
    private final Map<String, State> states = new HashMap<>();
    private ScheduledExecutorService ticker;
    private volatile boolean stopping;

    private static final class State {
        long backoffMillis = FIRST_BACKOFF.toMillis();
        long diedAtMillis = -1;
        long startedAtMillis;
        int restarts;
    }

    Supervisor(List<Watched> watched, Consumer<String> say, LongSupplier clockMillis) {
        this.watched = List.copyOf(watched);
        this.say = say;
        this.clockMillis = clockMillis;
        long now = clockMillis.getAsLong();
        for (Watched w : this.watched) {
            State s = new State();
            s.startedAtMillis = now;
            states.put(w.name(), s);
        }
    }

    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paperstream-supervisor");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** One look at every service; restarts those whose back-off has passed. */
    synchronized void check() {
        long now = clockMillis.getAsLong();
        for (Watched w : watched) {
            if (stopping) {
                return;
            }
            State s = states.get(w.name());
            if (w.isAlive()) {
                if (s.diedAtMillis < 0 && now - s.startedAtMillis >= STABLE_AFTER.toMillis()) {
                    s.backoffMillis = FIRST_BACKOFF.toMillis();
                }
                continue;
            }
            if (s.diedAtMillis < 0) {
                s.diedAtMillis = now;
                say.accept(w.name() + " exited with status " + w.exitValue() + "; restarting it in "
                        + s.backoffMillis / 1000.0 + " s");
                continue;
            }
            if (now - s.diedAtMillis >= s.backoffMillis) {
                s.restarts++;
                say.accept("restarting " + w.name() + " (restart " + s.restarts + ")");
                try {
                    w.start();
                    s.startedAtMillis = now;
                    s.diedAtMillis = -1;
                } catch (RuntimeException e) {
                    say.accept(w.name() + " could not be restarted: " + e.getMessage());
                    s.diedAtMillis = now;
                }
                s.backoffMillis = Math.min(s.backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    int restarts(String name) {
        return states.get(name).restarts;
    }

    /** Stops watching, before the services are stopped on purpose. */
    @Override
    public void close() {
        stopping = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
