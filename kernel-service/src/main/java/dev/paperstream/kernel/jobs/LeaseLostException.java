package dev.paperstream.kernel.jobs;

/** The job is no longer this worker's (another instance took it back, or it ended): stop, record nothing. */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(JobLease lease) {
        super("job " + lease.jobId() + " is no longer leased to " + lease.owner() + " (claim " + lease.token() + ")");
    }
}
