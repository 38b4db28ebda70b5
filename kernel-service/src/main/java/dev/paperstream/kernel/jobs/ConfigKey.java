package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.Plan;
import dev.paperstream.kernel.bench.Shape;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The canonical configuration of a planned job: what it measures on which device with which build.
 * Two requests with the same key get the same answer, so the second one shares the first one's job.
 * Built from the plan, not the request: "fused on auto" and "tiled on cpu" are one question on a CPU.
 */
public final class ConfigKey {
    private ConfigKey() {
    }

    public static String of(Plan plan, String buildId) {
        Shape first = plan.shapes().get(0);
        String seqLens = plan.shapes().stream().map(Shape::seqLen).collect(Collectors.toCollection(TreeSet::new))
                .stream().map(String::valueOf).collect(Collectors.joining(","));
        return "build=" + buildId + ";device=" + plan.backend().kind() + ":" + plan.backend().device().name()
                + ";variants=" + String.join(",", new TreeSet<>(plan.variants())) + ";batch=" + first.batch()
                + ";heads=" + first.heads() + ";seqLens=" + seqLens + ";headDim=" + first.headDim()
                + ";causal=" + first.causal() + ";dtype=" + first.dtype();
    }
}
