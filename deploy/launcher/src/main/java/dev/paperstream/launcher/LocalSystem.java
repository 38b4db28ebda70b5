package dev.paperstream.launcher;

import dev.paperstream.embedded.EmbeddedKafkaBroker;
import dev.paperstream.embedded.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole system on one machine: a Kafka broker and a PostgreSQL server (embedded unless existing
 * ones are configured) and the four services as separate processes. Used by the launcher and by the
 * end-to-end test alike.
 */
public final class LocalSystem implements AutoCloseable {
    private final SystemSettings settings;
    private final Map<String, String> extraEnvironment;
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    /** Ctrl-C to exit, at most: the three waits below, in turn. */
    static final Duration STOP_BUDGET = Duration.ofSeconds(30);
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(12);
    private static final Duration BROKER_GRACE = Duration.ofSeconds(8);
    private static final Duration POSTGRES_GRACE = Duration.ofSeconds(6);
    private static final int START_RETRIES = 2;

    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private Supervisor supervisor;
    private Consumer<String> say = message -> { };
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

    /** Where restarts and parts that would not stop are reported (the launcher prints them). */
    public void reportTo(Consumer<String> say) {
        this.say = say;
    }

    /**
     * Starts every service at once and waits until all are ready. A service that exits while starting
     * (say its database connections timed out on a loaded machine) is started again, twice at most.
     */
    public void startServices(Duration timeout) {
        for (Service s : Service.values()) {
            processes.put(s, new ServiceProcess(s, settings.ports().get(s),
                    s.runnableJar(settings.repositoryRoot()), settings.logs().resolve(s.module() + ".log"),
                    serviceEnvironment()));
        }
        processes.values().forEach(ServiceProcess::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess p : processes.values()) {
            ready.add(CompletableFuture.runAsync(() -> awaitReady(p, System.nanoTime() + timeout.toNanos())));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    private void awaitReady(ServiceProcess p, long deadlineNanos) {
        for (int attempt = 1; ; attempt++) {
            try {
                p.awaitReady(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
                return;
            } catch (ServiceProcess.ExitedException e) {
                if (attempt > START_RETRIES || System.nanoTime() >= deadlineNanos) {
                    throw e;
                }
                say.accept(e.getMessage() + "; starting it again");
                p.start();
            }
        }
    }

    /**
     * One more instance of a service, in the same consumer groups, on its own port: Kafka splits the
     * topics' partitions between the instances (scale-out on one machine). Stopped with the rest.
     */
    public ServiceProcess startAnotherInstance(Service service, int port, Duration timeout) {
        ServiceProcess p = new ServiceProcess(service, port, service.runnableJar(settings.repositoryRoot()),
                settings.logs().resolve(service.module() + "-" + (extraInstances.size() + 2) + ".log"),
                serviceEnvironment());
        extraInstances.add(p);
        p.start();
        awaitReady(p, System.nanoTime() + timeout.toNanos());
        return p;
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        env.put("PAPERSTREAM_ADMIN_TOKEN", settings.adminToken());
        // receivers, GROBID and stand-ins run on this machine; PAPERSTREAM_OUTBOUND_ALLOW set by the user wins
        env.put("PAPERSTREAM_OUTBOUND_ALLOW", "127.0.0.0/8,::1,localhost");
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

    /**
     * From now on a service that dies is restarted (see {@link Supervisor}), and {@link #reportTo} hears
     * about it.
     */
    public void superviseServices() {
        List<Supervisor.Watched> watched = new ArrayList<>();
        for (ServiceProcess p : processes.values()) {
            watched.add(new Supervisor.Watched() {
                @Override
                public String name() {
                    return p.service().module();
                }

                @Override
                public boolean isAlive() {
                    return p.isAlive();
                }

                @Override
                public int exitValue() {
                    return p.exitValue();
                }

                @Override
                public void start() {
                    p.start();
                }
            });
        }
        supervisor = new Supervisor(watched, say, System::currentTimeMillis);
        supervisor.start();
    }

    /**
     * Stops everything within {@link #STOP_BUDGET} even when a part hangs: services get a grace period
     * and then SIGKILL; the in-process broker and PostgreSQL get their own bounded wait, after which
     * they are left to the JVM's exit rather than holding it.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (supervisor != null) {
            supervisor.close();
        }
        // Services first, so that they commit their offsets and outboxes while Kafka and PostgreSQL still run.
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        List<ServiceProcess> all = new ArrayList<>(processes.values());
        all.addAll(extraInstances);
        for (ServiceProcess p : all) {
            stopped.add(CompletableFuture.runAsync(() -> p.stop(SERVICE_GRACE)));
        }
        CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).join();
        if (broker != null) {
            Bounded.run("the embedded Kafka broker", BROKER_GRACE, broker::close, say);
        }
        if (postgres != null) {
            Bounded.run("the embedded PostgreSQL", POSTGRES_GRACE, postgres::close, say);
        }
    }
}
