package dev.paperstream.launcher.bench;

import dev.paperstream.events.Topics;
import dev.paperstream.launcher.LocalSystem;
import dev.paperstream.launcher.Service;
import dev.paperstream.launcher.SystemSettings;
import dev.paperstream.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end triage throughput: the four packaged services as processes ({@link LocalSystem}) on an embedded
 * Kafka broker and a persistent embedded PostgreSQL (fsync on, as in production; producers acks=all), N
 * real-shaped snapshot records posted to ingest's {@code POST /api/imports}, timed until every paper is
 * stored in notes with the priority of every team priority scored it for. Prints the rate of each stage
 * (on Kafka, scored by priority, stored in notes), the load average and each service's peak heap.
 * Not part of {@code verify}; the command is in docs/benchmarks/triage-throughput.md. Arguments: number of records
 * (default 100000), instances of priority and notes (1 or 2: scale-out in the same consumer groups), records to
 * triage first as a warm-up (default 0: a cold system), timed and printed like the measured ones.
 */
public final class TriageThroughputBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TriageThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (instances < 1 || instances > 2) {
            throw new IllegalArgumentException("instances of priority and notes: 1 or 2, got " + instances);
        }
        Path root = Files.isDirectory(Path.of("deploy/launcher")) ? Path.of("").toAbsolutePath()
                : Path.of("../..").toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("paperstream-throughput-");
        String token = "bench-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("PAPERSTREAM_HOME", home.toString());
        env.put("PAPERSTREAM_ADMIN_TOKEN", token);
        for (Service s : Service.values()) {
            env.put(s.portVariable(), Integer.toString(FreePorts.find()));
        }
        env.put("PAPERSTREAM_KAFKA_PORT", Integer.toString(FreePorts.find()));
        env.put("PAPERSTREAM_KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.find()));
        env.put("PAPERSTREAM_POSTGRES_PORT", Integer.toString(FreePorts.find()));
        SystemSettings settings = SystemSettings.fromEnvironment(env, root);
        Path records = Files.createTempFile("triage-bench", ".jsonl");
        Path warmUpRecords = Files.createTempFile("triage-bench-warm-up", ".jsonl");
        SnapshotRecords.write(warmUpRecords, n, warmUp, root.resolve("../shared/realdata"));
        SnapshotRecords.write(records, 0, n, root.resolve("../shared/realdata"));
        // The build machine is shared: at a load of 40 a service's first connection can take longer than the
        // default 5 s, and Flyway then fails the start. Priority's embedding worker is off: it defers to arriving
        // papers, so it takes no CPU from a measured phase anyway, but afterwards it re-scores every real-shaped
        // record as a near-duplicate (they repeat 100 real texts under fresh ids), and paper.scored would keep
        // growing under the end check.
        try (LocalSystem system = new LocalSystem(settings, Map.of("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S",
                "PAPERSTREAM_SEMANTIC_INTERVAL", "off"))) {
            long bootStart = System.nanoTime();
            system.startInfrastructure();
            system.startServices(Duration.ofMinutes(5));
            if (instances == 2) {
                system.startAnotherInstance(Service.PRIORITY, FreePorts.find(), Duration.ofMinutes(5));
                system.startAnotherInstance(Service.NOTES, FreePorts.find(), Duration.ofMinutes(5));
            }
            System.out.printf("system ready in %.1f s, %d instance(s) of priority and notes; logs in %s%n",
                    (System.nanoTime() - bootStart) / 1e9, instances, settings.logs());
            putProfile(system.url(Service.PRIORITY), token);
            try (Connection db = DriverManager.getConnection(system.jdbcUrl(), "postgres", "postgres");
                    KafkaConsumer<byte[], byte[]> kafka = consumer(system.bootstrapServers())) {
                if (instances == 2) {
                    GroupAssignments.await(system.bootstrapServers(), 2, Duration.ofMinutes(2));
                }
                if (warmUp > 0) {
                    System.out.printf("%nwarm-up: %d records%n", warmUp);
                    run(system, db, kafka, token, warmUpRecords, warmUp, settings.home().resolve("postgres"));
                    System.out.printf("%nmeasured: %d records on the warm system%n", n);
                }
                run(system, db, kafka, token, records, n, settings.home().resolve("postgres"));
                verify(db, kafka, n + warmUp);
                GroupAssignments.print(system.bootstrapServers());
            }
        } finally {
            Files.deleteIfExists(records);
            Files.deleteIfExists(warmUpRecords);
        }
    }

    /** A second team next to the default one, so that notes must store two priorities for many papers. */
    private static void putProfile(String priority, String token) throws Exception {
        String body = "{\"categories\":[\"cs.LG\",\"cs.CL\",\"stat.ML\"],\"terms\":[{\"term\":\"attention\",\"weight\":2},"
                + "{\"term\":\"transformer\",\"weight\":1}],\"seedPapers\":[],\"matchAll\":false}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(priority + "/api/teams/efficiency/profile"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("profile answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void run(LocalSystem system, Connection db, KafkaConsumer<byte[], byte[]> kafka, String token,
            Path records, int n, Path postgresData) throws Exception {
        Map<Service, Long> peakHeap = new EnumMap<>(Service.class);
        Counts before = Counts.read(db, kafka);
        Map<String, Double> cpuBefore = cpu(system, postgresData);
        double loadBefore = LoadAverage.oneMinute();
        double peakLoad = loadBefore;
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> imported = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(system.url(Service.INGEST) + "/api/imports"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofFile(records)).build(),
                HttpResponse.BodyHandlers.ofString());
        double onKafka = 0;
        double scored = 0;
        double stored = 0;
        long lastPrint = start;
        long nextHeap = start;
        // Progress comes from the consumer groups' committed offsets (a group commits a batch after its
        // transaction), not from counting rows: counting tables of 100k rows four times a second cost
        // PostgreSQL as much CPU as a stage of the pipeline.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers()))) {
            Progress from = Progress.read(admin, kafka, db);
            long discoveredTarget = from.discovered() + n;
            while (stored == 0) {
                Thread.sleep(250);
                long now = System.nanoTime();
                double t = (now - start) / 1e9;
                if (imported.isDone() && imported.join().statusCode() != 200) {
                    throw new IllegalStateException("import answered " + imported.join().statusCode() + ": "
                            + imported.join().body());
                }
                Progress p = Progress.read(admin, kafka, db);
                if (onKafka == 0 && p.discovered() >= discoveredTarget) {
                    onKafka = t;
                }
                if (onKafka > 0 && scored == 0 && p.priorityRead() >= discoveredTarget) {
                    scored = t;
                }
                if (scored > 0 && p.priorityOutbox() == 0 && p.notesReadDiscovered() >= discoveredTarget
                        && p.notesReadScored() >= p.scoredOnKafka()) {
                    stored = t;
                }
                // Rendering /q/metrics costs the measured service CPU (3.5% of priority's samples when taken
                // every 2 s), so the heap is sampled sparsely; its peak is a lower bound either way.
                if (now >= nextHeap) {
                    for (Service s : List.of(Service.INGEST, Service.PRIORITY, Service.NOTES)) {
                        peakHeap.merge(s, Heap.used(system.url(s)), Math::max);
                    }
                    peakLoad = Math.max(peakLoad, LoadAverage.oneMinute());
                    nextHeap = now + 10_000_000_000L;
                }
                if (now - lastPrint > 5_000_000_000L) {
                    System.out.printf("%6.1f s: paper.discovered %d, read by priority %d (outbox %d rows),"
                            + " paper.scored %d, read by notes %d + %d, load %.1f%n", t,
                            p.discovered() - from.discovered(), p.priorityRead() - from.discovered(),
                            p.priorityOutbox(), p.scoredOnKafka() - from.scoredOnKafka(),
                            p.notesReadDiscovered() - from.discovered(), p.notesReadScored() - from.scoredOnKafka(),
                            LoadAverage.oneMinute());
                    lastPrint = now;
                }
                if (t > 1800) {
                    throw new IllegalStateException("not done after 1800 s: " + p);
                }
            }
        }
        Map<String, Double> cpuAfter = cpu(system, postgresData);
        Counts end = Counts.read(db, kafka);
        System.out.printf("%n%d real-shaped records, 2 teams (default matches all), PostgreSQL fsync on, acks=all%n", n);
        System.out.printf("import -> on Kafka:       %6.1f s  %,8.0f papers/s%n", onKafka, n / onKafka);
        System.out.printf("scored by priority:       %6.1f s  %,8.0f papers/s (%d scores)%n", scored, n / scored,
                end.priorityScores() - before.priorityScores());
        System.out.printf("stored in notes, all teams: %4.1f s  %,8.0f papers/s end to end (%d scores)%n", stored,
                n / stored, end.notesScores() - before.notesScores());
        System.out.printf("load average (1 min): %.1f before, peak %.1f, %.1f at the end%n", loadBefore, peakLoad,
                LoadAverage.oneMinute());
        peakHeap.forEach((s, bytes) -> System.out.printf("peak heap used, %s: %d MB (-Xmx512m)%n", s.module(),
                bytes >> 20));
        double cpuTotal = 0;
        for (Map.Entry<String, Double> e : cpuAfter.entrySet()) {
            double used = e.getValue() - cpuBefore.get(e.getKey());
            cpuTotal += used;
            System.out.printf("CPU %-32s %7.1f s  %6.0f us a paper%n", e.getKey() + ":", used, used * 1e6 / n);
        }
        System.out.printf("CPU in all: %.1f s, %.0f us a paper: on 2 cores of their own these processes could do"
                + " about %,.0f papers/s%n", cpuTotal, cpuTotal * 1e6 / n, 2 * n / cpuTotal);
    }

    private static Map<String, Double> cpu(LocalSystem system, Path postgresData) {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (Service s : List.of(Service.INGEST, Service.PRIORITY, Service.NOTES)) {
            cpu.put(s.module(), CpuTime.service(system.url(s)));
        }
        cpu.put("postgresql", CpuTime.postgres(postgresData));
        cpu.put("kafka broker (benchmark JVM)", CpuTime.self());
        return cpu;
    }

    /**
     * Every score priority stored is in notes with the same version and priority; every paper is in notes;
     * each stored score (a first score, or a change such as a near-duplicate found by the embedding worker: the
     * real-shaped records repeat real texts under fresh ids) was published once (a batch processed twice, say
     * after a rebalance, would publish again).
     */
    private static void verify(Connection db, KafkaConsumer<byte[], byte[]> kafka, int n) throws SQLException {
        long published = endOffsets(kafka, Topics.PAPER_SCORED);
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM priority.score_history")) {
            rs.next();
            System.out.printf("paper.scored holds %d records for %d stored scores%n", published, rs.getLong(1));
            if (published != rs.getLong(1)) {
                throw new IllegalStateException("a score was published more than once, or not at all");
            }
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT (SELECT count(*) FROM priority.score p LEFT JOIN notes.paper_score x
                            ON x.paper_id = p.paper_id AND x.team = p.team AND x.version = p.version
                           AND x.priority = p.priority WHERE x.paper_id IS NULL),
                       (SELECT count(*) FROM notes.paper) - (SELECT count(*) FROM notes.paper_unscored),
                       (SELECT count(*) FROM notes.paper_score)""")) {
            rs.next();
            System.out.printf("verified: %d scores missing or different in notes, %d of %d papers scored in notes,"
                    + " %d reading-queue items (one a score)%n", rs.getLong(1), rs.getLong(2), n, rs.getLong(3));
            if (rs.getLong(1) != 0 || rs.getLong(2) != n) {
                throw new IllegalStateException("notes does not hold every paper with every team's priority");
            }
        }
    }

    private static long endOffsets(KafkaConsumer<byte[], byte[]> kafka, String topic) {
        List<TopicPartition> partitions = kafka.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        return kafka.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Where each stage is, from Kafka: records on paper.discovered and paper.scored (end offsets), what the
     * priority and notes groups have committed on them, and the rows left in priority's outbox (bundles, a
     * handful at most).
     */
    record Progress(long discovered, long priorityRead, long priorityOutbox, long scoredOnKafka,
            long notesReadDiscovered, long notesReadScored) {
        static Progress read(Admin admin, KafkaConsumer<byte[], byte[]> kafka, Connection db) throws Exception {
            long discovered = endOffsetsOrZero(kafka, Topics.PAPER_DISCOVERED);
            long scored = endOffsetsOrZero(kafka, Topics.PAPER_SCORED);
            Map<TopicPartition, OffsetAndMetadata> priority = admin.listConsumerGroupOffsets("priority-service")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> notes = admin.listConsumerGroupOffsets("notes-service")
                    .partitionsToOffsetAndMetadata().get();
            long outbox;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM priority.outbox")) {
                rs.next();
                outbox = rs.getLong(1);
            }
            return new Progress(discovered, committed(priority, Topics.PAPER_DISCOVERED), outbox, scored,
                    committed(notes, Topics.PAPER_DISCOVERED), committed(notes, Topics.PAPER_SCORED));
        }

        private static long committed(Map<TopicPartition, OffsetAndMetadata> offsets, String topic) {
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }

        private static long endOffsetsOrZero(KafkaConsumer<byte[], byte[]> kafka, String topic) {
            try {
                return endOffsets(kafka, topic);
            } catch (RuntimeException notYet) {
                return 0;
            }
        }
    }

    /** What each stage holds: records on paper.discovered (end offsets), rows in priority's and notes' tables. */
    record Counts(long discovered, long priorityPapers, long priorityScores, long notesPapers, long notesPapersScored,
            long notesScores) {
        static Counts read(Connection db, KafkaConsumer<byte[], byte[]> kafka) throws SQLException {
            long discovered;
            try {
                discovered = endOffsets(kafka, Topics.PAPER_DISCOVERED);
            } catch (RuntimeException notYet) {
                discovered = 0;
            }
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT (SELECT count(*) FROM priority.paper), (SELECT count(*) FROM priority.score),
                           (SELECT count(*) FROM notes.paper),
                           (SELECT count(*) FROM notes.paper) - (SELECT count(*) FROM notes.paper_unscored),
                           (SELECT count(*) FROM notes.paper_score)""")) {
                rs.next();
                return new Counts(discovered, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        }
    }
}
