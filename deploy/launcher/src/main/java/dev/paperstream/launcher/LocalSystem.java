package dev.paperstream.launcher;

import dev.paperstream.testkit.EmbeddedKafkaBroker;
import dev.paperstream.testkit.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system on one machine: a Kafka broker and a PostgreSQL server (embedded unless existing
 * ones are configured) and the four services as separate processes. Used by the launcher and by the
 * end-to-end test alike.
 */
public final class LocalSystem implements AutoCloseable {
    private final SystemSettings settings;
    private final Map<String, String> extraEnvironment;
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private EmbeddedKafkaBroker broker;
    private PostgresServer postgres;
    private String bootstrapServers;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;

    public LocalSystem(SystemSettings settings, Map<String, String> extraEnvironment) {
        this.settings = settings;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public void startInfrastructure() {
        if (settings.externalKafka().isPresent()) {
            bootstrapServers = settings.externalKafka().get();
        } else if (settings.ephemeral()) {
            broker = EmbeddedKafkaBroker.startEphemeral();
            bootstrapServers = broker.bootstrapServers();
        } else {
            broker = EmbeddedKafkaBroker.start(settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.home().resolve("kafka"), false);
            bootstrapServers = broker.bootstrapServers();
        }
        if (settings.externalPostgresUrl().isPresent()) {
            jdbcUrl = settings.externalPostgresUrl().get();
            dbUser = settings.postgresUser();
            dbPassword = settings.postgresPassword();
        } else {
            postgres = settings.ephemeral()
                    ? PostgresServer.startForTest()
                    : PostgresServer.startPersistent(settings.home().resolve("postgres"), settings.postgresPort(), "paperstream");
            jdbcUrl = postgres.jdbcUrl();
            dbUser = postgres.user();
            dbPassword = postgres.password();
        }
    }

    /** Starts every service at once and waits until all are ready. */
    public void startServices(Duration timeout) {
        for (Service s : Service.values()) {
            processes.put(s, new ServiceProcess(s, settings.ports().get(s),
                    s.runnableJar(settings.repositoryRoot()), settings.logs().resolve(s.module() + ".log"),
                    serviceEnvironment()));
        }
        processes.values().forEach(ServiceProcess::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess p : processes.values()) {
            ready.add(CompletableFuture.runAsync(() -> p.awaitReady(timeout)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        env.put("PAPERSTREAM_ADMIN_TOKEN", settings.adminToken());
        for (Service s : Service.values()) {
            env.put("PAPERSTREAM_" + s.name() + "_URL", "http://localhost:" + settings.ports().get(s));
        }
        env.putAll(extraEnvironment);
        return env;
    }

    public ServiceProcess process(Service service) {
        return processes.get(service);
    }

    public String url(Service service) {
        return processes.get(service).baseUrl();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean embeddedKafka() {
        return broker != null;
    }

    public boolean embeddedPostgres() {
        return postgres != null;
    }

    @Override
    public void close() {
        // Services first, so that they commit their offsets and outboxes while Kafka and PostgreSQL still run.
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        for (ServiceProcess p : processes.values()) {
            stopped.add(CompletableFuture.runAsync(() -> p.stop(Duration.ofSeconds(20))));
        }
        CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).join();
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
