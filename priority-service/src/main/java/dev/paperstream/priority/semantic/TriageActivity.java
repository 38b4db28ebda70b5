package dev.paperstream.priority.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When papers last arrived to be scored. The scheduled embedding worker defers to triage: on two cores a
 * burst's first scores would otherwise wait for the model, which costs about 50 ms of CPU a paper.
 */
@ApplicationScoped
public class TriageActivity {
    private final AtomicLong lastArrival = new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());

    public void papersArrived() {
        lastArrival.set(System.nanoTime());
    }

    public Duration sinceLastArrival() {
        return Duration.ofNanos(System.nanoTime() - lastArrival.get());
    }

    /**
     * True when the worker should leave the cores to triage now: papers arrived within {@code quiet}, and it has
     * embedded a batch within {@code maxDeferral} (a steady trickle never starves embedding for longer).
     */
    static boolean deferEmbedding(Duration sinceArrival, Duration sinceLastBatch, Duration quiet,
            Duration maxDeferral) {
        return sinceArrival.compareTo(quiet) < 0 && sinceLastBatch.compareTo(maxDeferral) < 0;
    }
}
