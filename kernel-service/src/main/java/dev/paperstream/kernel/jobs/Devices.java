package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.Backend;
import dev.paperstream.kernel.bench.Planner;
import dev.paperstream.kernel.cpu.CpuBackend;
import dev.paperstream.kernel.cuda.CudaProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The backends of this machine, probed once at start: always the CPU, CUDA where it loads. */
@ApplicationScoped
public class Devices {
    private static final Logger LOG = Logger.getLogger(Devices.class);

    private final Backend cpu;
    private final Optional<Backend> cuda;
    private final Planner planner;
    private final String cudaReason;

    public Devices(KernelConfig config) {
        this.cpu = new CpuBackend(config.threads().orElse(Runtime.getRuntime().availableProcessors()));
        String reason = "disabled by paperstream.kernel.cuda-enabled";
        Optional<Backend> found = Optional.empty();
        if (config.cudaEnabled()) {
            CudaProbe probe = CudaProbe.run();
            found = probe.backend().map(Backend.class::cast);
            reason = probe.reason();
        }
        this.cuda = found;
        LOG.infof("kernel devices: %s%s", cpu.device().name(), cuda.map(b -> ", " + b.device().name())
                .orElse(" (no CUDA: " + reason + ")"));
        this.cudaReason = reason;
        this.planner = new Planner(cpu, cuda, reason);
    }

    /** Why there is no CUDA backend, or null when there is one. */
    public String cudaUnavailable() {
        return cuda.isPresent() ? null : cudaReason;
    }

    public Planner planner() {
        return planner;
    }

    public List<Backend> all() {
        List<Backend> all = new ArrayList<>();
        all.add(cpu);
        cuda.ifPresent(all::add);
        return all;
    }
}
