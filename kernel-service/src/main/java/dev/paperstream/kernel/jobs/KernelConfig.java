package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.RunSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
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

    /** The scheduled sweep: one job per head dim and causal flag, each over all seq lens. */
    Schedule schedule();

    interface Schedule {
        /** Quartz cron (seconds first), "off" to disable; the scheduler reads the same property. */
        @WithDefault("0 0 2 * * ?")
        String cron();

        @WithDefault("auto")
        String device();

        @WithDefault("naive,fused")
        List<String> variants();

        @WithDefault("512,1024,2048,4096,8192,16384")
        List<Integer> seqLens();

        @WithDefault("64,128")
        List<Integer> headDims();

        @WithDefault("1")
        int batch();

        @WithDefault("8")
        int heads();

        @WithDefault("bf16")
        String dtype();
    }

    default RunSettings runSettings() {
        return new RunSettings(warmups(), minRuns(), maxRuns(), targetSeconds(), checkRows());
    }
}
