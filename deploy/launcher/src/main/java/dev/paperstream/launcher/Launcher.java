package dev.paperstream.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The main job: Kafka and PostgreSQL (embedded unless configured), the four services, one triage
 * cycle, then the URLs; runs until Ctrl-C (or exits after the cycle with {@code --once}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.asList(args);
        Map<String, String> env = System.getenv();
        Path root = Path.of(env.getOrDefault("PAPERSTREAM_REPO", ".")).toAbsolutePath().normalize();
        SystemSettings settings = SystemSettings.fromEnvironment(env, root);
        PrintStream out = System.out;
        Files.createDirectories(settings.logs());
        // The embedded broker and database log through slf4j-simple: into a file, not over the summary.
        System.setProperty("org.slf4j.simpleLogger.logFile", settings.logs().resolve("infrastructure.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");

        long t0 = System.nanoTime();
        LocalSystem system = new LocalSystem(settings, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping Paperstream...");
            system.close();
            out.println("Stopped. Logs are in " + settings.logs());
            stopped.countDown();
        }, "paperstream-shutdown"));

        out.println("Paperstream: starting Kafka and PostgreSQL (logs in " + settings.logs() + ")");
        system.startInfrastructure();
        out.printf("  kafka       %s  %s%n", system.embeddedKafka() ? "embedded KRaft broker" : "existing broker",
                system.bootstrapServers());
        out.printf("  postgresql  %s  %s%n", system.embeddedPostgres() ? "embedded server      " : "existing server      ",
                system.jdbcUrl());
        out.println("Starting the four services...");
        try {
            system.startServices(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            out.println("A service did not start: " + e.getMessage());
            System.exit(1);
        }
        for (Service s : Service.values()) {
            ServiceProcess p = system.process(s);
            out.printf("  %-17s UP  %-22s ready in %4.1f s   log %s%n", s.module(), p.baseUrl(),
                    p.startUpTime().toMillis() / 1000.0, root.relativize(p.logFile().toAbsolutePath()));
        }
        out.printf("All services ready %.1f s after launch.%n%n", (System.nanoTime() - t0) / 1e9);

        new TriageCycle(system, new ApiClient(settings.adminToken()), out).run(env, Duration.ofMinutes(2));

        out.println();
        out.println("Open:");
        out.println("  reading queue (web UI)   " + system.url(Service.NOTES) + "/");
        out.println("  team settings (web UI)   " + system.url(Service.NOTES) + "/teams/default");
        out.println("  triage list (JSON)       " + system.url(Service.NOTES) + "/api/papers");
        out.println("  import a feed            POST " + system.url(Service.INGEST) + "/api/imports");
        out.println("  explain a score          POST " + system.url(Service.PRIORITY) + "/api/score");
        out.println("  run a benchmark          POST " + system.url(Service.KERNEL) + "/api/benchmarks");
        out.println("  health, metrics, OpenAPI <service>/q/health  /q/metrics  /q/openapi");
        out.println("  admin token              " + settings.adminToken()
                + (settings.adminTokenGenerated() ? "   (generated: set PAPERSTREAM_ADMIN_TOKEN to choose one)" : ""));
        if (flags.contains("--once")) {
            System.exit(0);
        }
        out.println();
        out.println("Paperstream is running. Press Ctrl-C to stop.");
        stopped.await();
    }
}
