package dev.paperstream.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service's packaged Quarkus app running as a child process, with its output in a log file. */
public final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int port;
    private final Path jar;
    private final Path logFile;
    private final Map<String, String> environment;
    private Process process;
    private long startedAtNanos;
    private Duration startUpTime;

    public ServiceProcess(Service service, int port, Path jar, Path logFile, Map<String, String> environment) {
        this.service = service;
        this.port = port;
        this.jar = jar;
        this.logFile = logFile;
        this.environment = Map.copyOf(environment);
    }

    /** The process ended before it was ready. */
    public static final class ExitedException extends IllegalStateException {
        ExitedException(String message) {
            super(message);
        }
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public Duration startUpTime() {
        return startUpTime;
    }

    public void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service.module() + " is not built: " + jar
                    + " is missing (run ./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.addAll(service.jvmFlags());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            pb.environment().putAll(environment);
            startedAtNanos = System.nanoTime();
            startUpTime = null;
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ExitedException(service.module() + " exited with code " + process.exitValue()
                        + " before it was ready; see " + logFile);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    startUpTime = Duration.ofNanos(System.nanoTime() - startedAtNanos);
                    return;
                }
                lastAnswer = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.module(), e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.module() + " not ready after " + timeout.toSeconds() + " s: "
                + lastAnswer + "; see " + logFile);
    }

    /** The exit status of a process that ended; -1 while it runs or before it started. */
    public int exitValue() {
        return process == null || process.isAlive() ? -1 : process.exitValue();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM and a graceful shutdown, then SIGKILL after the grace period. */
    public void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: the crash case, no shutdown hooks run. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
