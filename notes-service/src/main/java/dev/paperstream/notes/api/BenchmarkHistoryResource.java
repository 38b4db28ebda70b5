package dev.paperstream.notes.api;

import dev.paperstream.notes.benchmarks.BenchmarkHistories;
import dev.paperstream.notes.benchmarks.BenchmarkHistory;
import dev.paperstream.notes.benchmarks.BenchmarkHistoryRepository;
import dev.paperstream.support.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Benchmark runs over time per device and kernel build: the history page's data. */
@Path("/api/benchmark-history")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkHistoryResource {
    private final BenchmarkHistories histories;

    public BenchmarkHistoryResource(BenchmarkHistories histories) {
        this.histories = histories;
    }

    @GET
    public BenchmarkHistory history(@QueryParam("device") String device, @QueryParam("build") String build,
            @QueryParam("shape") String shape, @QueryParam("runs") String runs) {
        return histories.history(QueryParams.blankToNull(device), QueryParams.blankToNull(build),
                QueryParams.blankToNull(shape), runs(runs));
    }

    @GET
    @Path("devices")
    public List<BenchmarkHistoryRepository.DeviceBuild> devices() {
        return histories.devices();
    }

    /** Null when not given; a number that is not one is a 400 like any out-of-range one. */
    public static Integer runs(String value) {
        String v = QueryParams.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("runs must be a whole number from 1 to " + BenchmarkHistories.MAX_RUNS
                    + ", got '" + v + "'");
        }
    }
}
