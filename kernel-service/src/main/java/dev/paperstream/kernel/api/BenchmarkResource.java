package dev.paperstream.kernel.api;

import dev.paperstream.kernel.bench.InvalidRequestException;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.jobs.JobRow;
import dev.paperstream.kernel.jobs.JobService;
import dev.paperstream.kernel.jobs.NotCancellableException;
import dev.paperstream.kernel.jobs.RefusedException;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Path("/api/benchmarks")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {
    static final int MAX_LIMIT = 500;

    private final JobService jobs;

    public BenchmarkResource(JobService jobs) {
        this.jobs = jobs;
    }

    /** Queues a job on its device; 202 with the job id, 400 saying what cannot run, 429 when the device is full. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    public Response start(JobRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("the body must be a JSON benchmark request");
        }
        try {
            String jobId = jobs.submit(request, "rest");
            return Response.accepted(Map.of("jobId", jobId)).build();
        } catch (InvalidRequestException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (RefusedException e) {
            throw new ProblemException(429, "Too Many Requests", e.getMessage());
        }
    }

    /** Jobs of one status (the queue in its order) or all, newest first; for admins. */
    @GET
    @RolesAllowed("admin")
    public List<JobView> list(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !JobRow.STATUSES.contains(wanted)) {
            throw ProblemException.badRequest("status must be one of "
                    + JobRow.STATUSES.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList() + ", not '" + status + "'");
        }
        return jobs.list(wanted, limit(limit)).stream().map(JobView::of).toList();
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + raw + "'");
    }

    /** The job; a request answered by another job of the same configuration shows that job. */
    @GET
    @Path("/{jobId}")
    public JobView get(@PathParam("jobId") String jobId) {
        return jobs.find(jobId).map(JobView::of)
                .orElseThrow(() -> ProblemException.notFound("no benchmark job '" + jobId + "'"));
    }

    /** Cancels a queued job (admin): 404 for an unknown job, 409 for one that is not queued. */
    @DELETE
    @Path("/{jobId}")
    @RolesAllowed("admin")
    public JobView cancel(@PathParam("jobId") String jobId, @Context SecurityContext security) {
        try {
            return jobs.cancel(jobId, security.getUserPrincipal().getName()).map(JobView::of)
                    .orElseThrow(() -> ProblemException.notFound("no benchmark job '" + jobId + "'"));
        } catch (NotCancellableException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
    }
}
