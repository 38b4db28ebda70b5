package dev.paperstream.launcher.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU seconds used so far, per process: on a shared machine the wall time of a stage depends on everyone's
 * load, the CPU it spends a paper much less, so the benchmark reports both.
 */
final class CpuTime {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final double TICK = 100.0;

    private CpuTime() {
    }

    /** A service's JVM, from its Prometheus metrics ({@code process_cpu_time_ns_total}). */
    static double service(String baseUrl) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("process_cpu_time_ns_total")) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1e9;
                }
            }
        } catch (Exception e) {
            // reported as 0
        }
        return 0;
    }

    /** This JVM: the embedded Kafka broker, plus the benchmark's own polling. */
    static double self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * The PostgreSQL server whose data directory is {@code dataDir}: its postmaster (with the backends that
     * ended) and its live backends (Linux /proc; 0 elsewhere).
     */
    static double postgres(Path dataDir) {
        try (var procs = Files.list(Path.of("/proc"))) {
            long postmaster = procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> cmdline(p).contains(dataDir.toString()) && cmdline(p).contains("postgres"))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).min().orElse(-1);
            if (postmaster < 0) {
                return 0;
            }
            double seconds = 0;
            try (var all = Files.list(Path.of("/proc"))) {
                for (Path p : all.filter(q -> q.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(p);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (pid == postmaster) {
                        seconds += (Long.parseLong(stat[13]) + Long.parseLong(stat[14]) + Long.parseLong(stat[15])
                                + Long.parseLong(stat[16])) / TICK;
                    } else if (Long.parseLong(stat[3]) == postmaster) {
                        seconds += (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / TICK;
                    }
                }
            }
            return seconds;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The fields of /proc/pid/stat, numbered from 0, the command name (which may hold spaces) as one. */
    private static String[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).split(" ");
            String[] out = new String[rest.length + 2];
            out[0] = s.substring(0, s.indexOf(' '));
            out[1] = s.substring(s.indexOf('('), close + 1);
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
