package dev.paperstream.kernel.api;

import dev.paperstream.kernel.bench.InvalidRequestException;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.jobs.JobService;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

@Path("/api/benchmarks")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {
    private final JobService jobs;

    public BenchmarkResource(JobService jobs) {
        this.jobs = jobs;
    }

    /** Queues a job on its device; 202 with the job id, or 400 saying what cannot run. */
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
        }
    }

    @GET
    @Path("/{jobId}")
    public JobView get(@PathParam("jobId") String jobId) {
        return jobs.find(jobId).map(JobView::of)
                .orElseThrow(() -> ProblemException.notFound("no benchmark job '" + jobId + "'"));
    }
}
