package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.store.JobQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A job this instance claimed. {@code owner} and {@code token} (the job's claim count) fence every later update:
 * once another owner has taken the job back, nothing this lease writes reaches the row. {@code attempt} is the run
 * this claim starts (1 for the first); {@code reclaimed} says the job was RUNNING under an expired lease, whose
 * holder was {@code previousOwner}.
 */
public final class JobLease {
    private final JobRow job;
    private final String owner;
    private final int token;
    private final int attempt;
    private final boolean reclaimed;
    private final String previousOwner;
    private final AtomicBoolean lost = new AtomicBoolean();
    private boolean ended;

    public JobLease(JobRow job, String owner, int token, int attempt, boolean reclaimed, String previousOwner) {
        this.job = job;
        this.owner = owner;
        this.token = token;
        this.attempt = attempt;
        this.reclaimed = reclaimed;
        this.previousOwner = previousOwner;
    }

    public JobRow job() {
        return job;
    }

    public String jobId() {
        return job.jobId();
    }

    public String owner() {
        return owner;
    }

    public int token() {
        return token;
    }

    /** What every write of this run must still match. */
    public JobQueue.Fence fence() {
        return new JobQueue.Fence(job.jobId(), owner, token);
    }

    public int attempt() {
        return attempt;
    }

    public boolean reclaimed() {
        return reclaimed;
    }

    public String previousOwner() {
        return previousOwner;
    }

    /** Set when a heartbeat or an update found the job held by another owner, or ended. */
    public boolean lost() {
        return lost.get();
    }

    /** True the first time only. */
    public boolean markLost() {
        return lost.compareAndSet(false, true);
    }

    /** Runs the heartbeat's renewal unless the job has ended (then there is nothing to renew: true). */
    synchronized boolean renewUnlessEnded(BooleanSupplier renewal) {
        return ended || renewal.getAsBoolean();
    }

    /** Records the job's end; a heartbeat never runs at the same time, so it cannot mistake the end for a loss. */
    synchronized void end(Runnable record) {
        try {
            record.run();
        } finally {
            ended = true;
        }
    }
}
