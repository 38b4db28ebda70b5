package dev.paperstream.kernel.cli;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.events.EventJson;
import dev.paperstream.kernel.bench.Backend;
import dev.paperstream.kernel.bench.BenchmarkRunner;
import dev.paperstream.kernel.bench.InvalidRequestException;
import dev.paperstream.kernel.bench.JobRequest;
import dev.paperstream.kernel.bench.Plan;
import dev.paperstream.kernel.bench.Planner;
import dev.paperstream.kernel.bench.ResultTable;
import dev.paperstream.kernel.bench.RunSettings;
import dev.paperstream.kernel.cpu.CpuBackend;
import dev.paperstream.kernel.cuda.CudaBackend;
import dev.paperstream.kernel.cuda.CudaProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs benchmark jobs without the service: {@code KernelCli REQUEST.json|- [--out FILE] [--warmups N]
 * [--min-runs N] [--max-runs N] [--target-seconds S] [--check-rows N]}. The request is one job request
 * or a JSON array of them (the REST body's fields); prints a table per job and writes the results as
 * benchmark.completed JSON (an array) to FILE or stdout. Exit status 0 when every row passed its check,
 * 1 when one did not or a job failed, 2 for a request that cannot run.
 */
public final class KernelCli {
    private KernelCli() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: KernelCli REQUEST.json|- [--out FILE] [--warmups N] [--min-runs N] "
                    + "[--max-runs N] [--target-seconds S] [--check-rows N]");
            System.exit(2);
        }
        String json = "-".equals(args[0]) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(args[0]));
        List<JobRequest> requests = json.trim().startsWith("[") ? List.of(EventJson.read(json, JobRequest[].class))
                : List.of(EventJson.read(json, JobRequest.class));
        RunSettings d = RunSettings.defaults();
        RunSettings settings = new RunSettings(intOption(args, "--warmups", d.warmups()),
                intOption(args, "--min-runs", d.minRuns()), intOption(args, "--max-runs", d.maxRuns()),
                Double.parseDouble(option(args, "--target-seconds", String.valueOf(d.targetSeconds()))),
                intOption(args, "--check-rows", d.checkRows()));

        CudaProbe probe = CudaProbe.run();
        Backend cpu = new CpuBackend(Runtime.getRuntime().availableProcessors());
        Planner planner = new Planner(cpu, probe.backend().map(Backend.class::cast), probe.reason());
        System.out.println("cpu: " + cpu.device().name());
        System.out.println("cuda: " + probe.backend().map(b -> b.device().name() + ", driver " + b.device().driver()
                + ", compute capability " + b.device().computeCapability() + ", kernels from " + origin(b))
                .orElse(probe.reason()));

        List<BenchmarkCompleted> out = new ArrayList<>();
        int status = 0;
        for (JobRequest request : requests) {
            String jobId = "cli-" + UUID.randomUUID();
            Plan plan;
            try {
                plan = planner.plan(request);
            } catch (InvalidRequestException e) {
                System.err.println("cannot run " + EventJson.write(request) + ": " + e.getMessage());
                System.exit(2);
                return;
            }
            if (plan.deviceNote() != null) {
                System.out.println("note: " + plan.deviceNote());
            }
            try {
                BenchmarkRunner.Outcome o = BenchmarkRunner.run(plan, settings, (done, total, current, rows) -> {
                    if (current != null) {
                        System.err.printf("[%d/%d] %s%n", done + 1, total, current);
                    }
                });
                System.out.print(ResultTable.format(o.results()));
                o.skipped().forEach(s -> System.out.println("skipped: " + s));
                if (o.results().stream().anyMatch(r -> !r.passed())) {
                    status = 1;
                }
                out.add(new BenchmarkCompleted(jobId, BenchmarkCompleted.COMPLETED, plan.backend().device(),
                        o.results(), request.paperId(),
                        o.skipped().isEmpty() ? null : "skipped: " + String.join("; ", o.skipped()),
                        plan.deviceNote(), Instant.now()));
            } catch (RuntimeException | LinkageError e) {
                String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
                System.out.println("FAILED: " + cause);
                out.add(new BenchmarkCompleted(jobId, BenchmarkCompleted.FAILED, plan.backend().device(),
                        List.<Result>of(), request.paperId(), cause, plan.deviceNote(), Instant.now()));
                status = 1;
            }
        }
        String result = EventJson.write(out);
        String file = option(args, "--out", null);
        if (file != null) {
            Files.writeString(Path.of(file), result);
        } else {
            System.out.println(result);
        }
        System.exit(status);
    }

    private static String origin(CudaBackend b) {
        try {
            return b.kernelOrigin();
        } catch (RuntimeException e) {
            return "nowhere: " + e.getMessage();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, String.valueOf(fallback)));
    }
}
