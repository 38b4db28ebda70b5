package dev.paperstream.launcher;

import java.nio.file.Path;
import java.util.List;

/** The four services: their module, default port (DESIGN.md) and the JVM flags their packaged app needs. */
public enum Service {
    INGEST("ingest-service", 8081),
    PRIORITY("priority-service", 8082),
    NOTES("notes-service", 8083),
    KERNEL("kernel-service", 8084, "--add-modules=jdk.incubator.vector");

    private final String module;
    private final int defaultPort;
    private final List<String> jvmFlags;

    Service(String module, int defaultPort, String... jvmFlags) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.jvmFlags = List.of(jvmFlags);
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** {@code PAPERSTREAM_INGEST_PORT} and so on. */
    public String portVariable() {
        return "PAPERSTREAM_" + name() + "_PORT";
    }

    public Path runnableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
