package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.RunSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "paperstream.kernel")
public interface KernelConfig {

    /** CPU threads for the Java kernels; all cores when unset. */
    Optional<Integer> threads();

    /** False keeps the service on the CPU even where CUDA would load. */
    @WithDefault("true")
    boolean cudaEnabled();

    @WithDefault("2")
    int warmups();

    @WithDefault("3")
    int minRuns();

    @WithDefault("20")
    int maxRuns();

    /** Seconds of timed runs per shape after the minimum, up to max-runs. */
    @WithDefault("2.0")
    double targetSeconds();

    /** Query rows compared with the float64 reference per shape. */
    @WithDefault("256")
    int checkRows();

    default RunSettings runSettings() {
        return new RunSettings(warmups(), minRuns(), maxRuns(), targetSeconds(), checkRows());
    }
}
