package dev.paperstream.notes.web;

import dev.paperstream.notes.api.BenchmarkHistoryResource;
import dev.paperstream.notes.api.QueryParams;
import dev.paperstream.notes.benchmarks.BenchmarkHistories;
import dev.paperstream.notes.benchmarks.BenchmarkHistory;
import dev.paperstream.notes.benchmarks.BenchmarkHistoryRepository.DeviceBuild;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * {@code /benchmarks}: one device's (and kernel build's) runs over time at one shape, as an SVG trend chart
 * with the same numbers in a table beside it. Plain GET form, no script.
 */
@Path("/benchmarks")
@Produces(MediaType.TEXT_HTML)
public class BenchmarksPage {
    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance history(Viewer viewer, HistoryView view);
    }

    private final BenchmarkHistories histories;
    private final SecurityIdentity identity;

    public BenchmarksPage(BenchmarkHistories histories, SecurityIdentity identity) {
        this.histories = histories;
        this.identity = identity;
    }

    /** {@code history} is null when nothing has been measured yet. */
    public record HistoryView(List<DeviceBuild> devices, List<String> deviceKeys, List<String> builds, String device,
            String build, BenchmarkHistory history, TrendChart chart) {

        public String number(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : String.valueOf(v);
        }

        public String mib(long bytes) {
            return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0);
        }

        public String deviceName(String key) {
            return key.substring(key.indexOf(':') + 1) + " (" + key.substring(0, key.indexOf(':')) + ")";
        }
    }

    @GET
    public TemplateInstance page(@QueryParam("device") String device, @QueryParam("build") String build,
            @QueryParam("shape") String shape, @QueryParam("runs") String runs) {
        List<DeviceBuild> devices = histories.devices();
        String chosen = QueryParams.blankToNull(device);
        if (chosen == null && !devices.isEmpty()) {
            chosen = devices.get(0).device();
        }
        String forDevice = chosen;
        List<String> deviceKeys = devices.stream().map(DeviceBuild::device).distinct().toList();
        List<String> builds = devices.stream().filter(d -> d.device().equals(forDevice)).map(DeviceBuild::kernelBuild)
                .distinct().toList();
        String chosenBuild = QueryParams.blankToNull(build);
        BenchmarkHistory history = chosen == null ? null
                : histories.history(chosen, chosenBuild, QueryParams.blankToNull(shape), BenchmarkHistoryResource.runs(runs));
        return Templates.history(Viewer.of(identity), new HistoryView(devices, deviceKeys, builds, chosen, chosenBuild,
                history, history == null ? null : TrendChart.of(history)));
    }
}
