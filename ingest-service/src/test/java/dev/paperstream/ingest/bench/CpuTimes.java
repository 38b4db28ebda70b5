package dev.paperstream.ingest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the processes of a benchmark (Linux {@code /proc}): the service, this JVM
 * (the broker) and every PostgreSQL process. On a 2-core machine the three share the same
 * cores, so where the CPU goes says more than the wall time alone.
 */
record CpuTimes(double service, double benchmark, double postgres) {
    private static final double TICKS_PER_SECOND = 100.0;

    static CpuTimes now(long servicePid) {
        return new CpuTimes(seconds(servicePid), seconds(ProcessHandle.current().pid()), postgresSeconds());
    }

    CpuTimes since(CpuTimes start) {
        return new CpuTimes(service - start.service, benchmark - start.benchmark, postgres - start.postgres);
    }

    double total() {
        return service + benchmark + postgres;
    }

    String describe() {
        return String.format("CPU s: service %.1f, broker %.1f, PostgreSQL %.1f", service, benchmark, postgres);
    }

    private static double postgresSeconds() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).strip()))
                    .mapToDouble(p -> seconds(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    // fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the parenthesised name
    private static double seconds(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
