package dev.paperstream.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * The main job: Kafka and PostgreSQL (embedded unless configured), the four services, one triage
 * cycle, then the URLs; runs until Ctrl-C (or exits after the cycle with {@code --once}). Whatever goes
 * wrong is said in one sentence with the exit status 1; the stack trace goes to the launcher's log.
 */
public final class Launcher {
    private final Map<String, String> env;
    private final PrintStream out;
    private final Path root;

    public Launcher(Map<String, String> env, PrintStream out) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.root = Path.of(env.getOrDefault("PAPERSTREAM_REPO", ".")).toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(DeadLetterCommand.NAME)) {
            System.exit(new DeadLetterCommand(System.getenv(), System.out).run(Arrays.asList(args).subList(1, args.length)));
        }
        System.exit(new Launcher(System.getenv(), System.out).run(Arrays.asList(args)));
    }

    /** Runs the system; returns the exit status (only with {@code --once}, or when it fails). */
    public int run(List<String> flags) {
        boolean once = flags.contains("--once");
        SystemSettings settings;
        try {
            settings = SystemSettings.fromEnvironment(env, root);
        } catch (IllegalArgumentException e) {
            out.println("Paperstream cannot start: " + e.getMessage());
            return 1;
        }
        LocalSystem system = null;
        Thread onCtrlC = null;
        boolean runsUntilCtrlC = false;
        try {
            Files.createDirectories(settings.logs());
            // The embedded broker and database log through slf4j-simple: into a file, not over the summary.
            System.setProperty("org.slf4j.simpleLogger.logFile", settings.logs().resolve("infrastructure.log").toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            long t0 = System.nanoTime();

            PortPlan ports = PortPlan.check(settings, env);
            ports.notes().forEach(n -> out.println("Note: " + n));
            settings = ports.settings();
            LocalSystem started = new LocalSystem(settings, serviceEnvironment());
            system = started;
            CountDownLatch stopped = new CountDownLatch(1);
            Path logs = settings.logs();
            onCtrlC = new Thread(() -> {
                out.println();
                out.println("Stopping Paperstream...");
                started.close();
                out.println("Stopped. Logs are in " + logs);
                stopped.countDown();
            }, "paperstream-shutdown");
            Runtime.getRuntime().addShutdownHook(onCtrlC);

            out.println("Paperstream: starting Kafka and PostgreSQL (logs in " + settings.logs() + ")");
            system.startInfrastructure();
            out.printf("  kafka       %s  %s%n", system.embeddedKafka() ? "embedded KRaft broker" : "existing broker",
                    system.bootstrapServers());
            out.printf("  postgresql  %s  %s%n", system.embeddedPostgres() ? "embedded server      " : "existing server      ",
                    system.jdbcUrl());
            out.println("Starting the four services...");
            system.reportTo(message -> out.println("Note: " + message));
            system.startServices(settings.startTimeout());
            for (Service s : Service.values()) {
                ServiceProcess p = system.process(s);
                out.printf("  %-17s UP  %-22s ready in %4.1f s   log %s%n", s.module(), p.baseUrl(),
                        p.startUpTime().toMillis() / 1000.0, shown(p.logFile()));
            }
            out.printf("All services ready %.1f s after launch.%n%n", (System.nanoTime() - t0) / 1e9);
            system.superviseServices();

            new TriageCycle(system, new ApiClient(settings.adminToken()), out).run(env, Duration.ofMinutes(2));
            printWhereToGo(system, settings);
            if (once) {
                return 0;
            }
            out.println();
            out.println("Paperstream is running. Press Ctrl-C to stop.");
            runsUntilCtrlC = true;
            stopped.await();
            return 0;
        } catch (LaunchException e) {
            out.println("Paperstream cannot start: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("Paperstream stopped: " + describe(e));
            logError(settings.logs(), e).ifPresent(log -> out.println("  (the full error is in " + shown(log) + ")"));
            return 1;
        } finally {
            if (system != null && !runsUntilCtrlC) {
                removeHook(onCtrlC);
                system.close();
            }
        }
    }

    /** A path under the repository relative to it, any other as it is. */
    private Path shown(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    }

    /** The launcher's own settings, plus whatever the services read (arXiv, GROBID, citation URLs...). */
    private Map<String, String> serviceEnvironment() {
        Map<String, String> pass = new HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("PAPERSTREAM_") || k.startsWith("QUARKUS_") || k.startsWith("MP_")) {
                pass.put(k, v);
            }
        });
        return pass;
    }

    private void printWhereToGo(LocalSystem system, SystemSettings settings) {
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
        String contact = env.get("PAPERSTREAM_ARXIV_CONTACT");
        if (contact == null || contact.isBlank()) {
            out.println();
            out.println("Daily polling is off until you say who runs this instance: arXiv asks every harvester for a"
                    + " contact.");
            out.println("  export PAPERSTREAM_ARXIV_CONTACT=<your e-mail address>   (sent in arXiv requests' User-Agent,"
                    + " nowhere else)");
        }
    }

    /** The error's message and, when it says more, its root cause's (e.g. the embedded PostgreSQL's own). */
    static String describe(Throwable e) {
        if (e instanceof CompletionException && e.getCause() != null) {
            return describe(e.getCause());
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage();
        return root == e || cause == null || top.contains(cause) ? top : top + " (" + cause + ")";
    }

    private static Optional<Path> logError(Path logs, Throwable e) {
        Path log = logs.resolve("launcher.log");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        try {
            Files.createDirectories(logs);
            Files.writeString(log, Instant.now() + " " + trace + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return Optional.of(log);
        } catch (IOException cannotWrite) {
            return Optional.empty();
        }
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is closing the system
        }
    }
}
