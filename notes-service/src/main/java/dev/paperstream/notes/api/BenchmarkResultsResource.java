package dev.paperstream.notes.api;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.notes.store.BenchmarkResultRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Stored benchmark.completed results, newest first; all of them or one paper's. */
@Path("/api/benchmark-results")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResultsResource {
    private final BenchmarkResultRepository results;

    public BenchmarkResultsResource(BenchmarkResultRepository results) {
        this.results = results;
    }

    @GET
    public List<BenchmarkCompleted> list(@QueryParam("paperId") String paperId,
            @QueryParam("limit") String limit) {
        String id = QueryParams.blankToNull(paperId);
        if (id != null) {
            PapersResource.requireValid(id);
        }
        return results.list(id, QueryParams.limit(limit, 100));
    }
}
