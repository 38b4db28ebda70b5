package dev.paperstream.kernel.jobs;

/** Another instance holds the job now (it took it back), or the job ended: stop, record nothing. */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(JobLease lease) {
        super("job " + lease.jobId() + " is no longer leased to " + lease.owner() + " (claim " + lease.token() + ")");
    }
}
