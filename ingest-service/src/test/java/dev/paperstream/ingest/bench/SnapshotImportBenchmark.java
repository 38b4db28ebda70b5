package dev.paperstream.ingest.bench;

import dev.paperstream.events.Topics;
import dev.paperstream.embedded.EmbeddedKafkaBroker;
import dev.paperstream.embedded.FreePorts;
import dev.paperstream.embedded.PostgresServer;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Snapshot import throughput through to Kafka: starts a real broker and PostgreSQL, runs the packaged
 * service (target/quarkus-app) as its own process, streams N snapshot records (real ones with fresh
 * ids) to {@code POST /api/imports} and times them until all N are on the topic.
 * Usage: see README ("Benchmarks"); arguments: number of records (default 100000) and the number of
 * records of a warm-up import of other papers before the measured one (default 0: a cold service,
 * whose JIT compiler and heap sizing are part of the time).
 */
public final class SnapshotImportBenchmark {
    private static final String TOKEN = "bench-admin-token-long-enough";

    private SnapshotImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        // -Dbench.jar=... runs another build of the service (an earlier commit, to compare in the same run)
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            jar = Path.of("ingest-service/target/quarkus-app/quarkus-run.jar");
        }
        Path file = Files.createTempFile("snapshot-bench", ".jsonl");
        writeRecords(file, 0, n);
        Path warmupFile = Files.createTempFile("snapshot-bench-warmup", ".jsonl");
        writeRecords(warmupFile, 6_000_000, warmup);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
                PostgresServer postgres = PostgresServer.startForTest()) {
            int port = FreePorts.find();
            List<String> command = new ArrayList<>(List.of("java"));
            // e.g. -Dbench.service-jvm-args=-XX:StartFlightRecording=filename=/tmp/ingest.jfr to profile the service
            String jvmArgs = System.getProperty("bench.service-jvm-args", "").trim();
            if (!jvmArgs.isEmpty()) {
                command.addAll(List.of(jvmArgs.split("\\s+")));
            }
            command.addAll(List.of("-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                    "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(),
                    "-Dquarkus.datasource.username=" + postgres.user(),
                    "-Dquarkus.datasource.password=" + postgres.password(),
                    "-Dpaperstream.auth.admin-token=" + TOKEN, "-Dquarkus.log.level=WARN",
                    "-jar", jar.toString()));
            Process service = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(Files.createTempFile("ingest-bench", ".log").toFile())
                    .start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                awaitReady(http, port);
                runSql(postgres, System.getProperty("bench.sql", ""));
                try (KafkaConsumer<String, byte[]> consumer = consumer(broker.bootstrapServers())) {
                    if (warmup > 0) {
                        long warmupStart = System.nanoTime();
                        CompletableFuture<Double> stored = post(http, port, warmupFile, warmupStart);
                        awaitOnTopic(consumer, warmup, warmupStart, stored, false);
                        stored.join();
                        System.out.printf("warm-up: %d records through to Kafka in %.1f s%n", warmup,
                                (System.nanoTime() - warmupStart) / 1e9);
                    }
                    CpuTimes cpuStart = CpuTimes.now(service.pid());
                    long start = System.nanoTime();
                    CompletableFuture<Double> stored = post(http, port, file, start);
                    long onTopic = awaitOnTopic(consumer, n, start, stored, true);
                    double total = (System.nanoTime() - start) / 1e9;
                    CpuTimes cpu = CpuTimes.now(service.pid()).since(cpuStart);
                    double imported = stored.join();
                    System.out.printf("snapshot import: %d records, stored in %.1f s (%.0f papers/s), on Kafka after"
                            + " %.1f s (%.0f papers/s through to Kafka)%n", n, imported, n / imported, total, n / total);
                    System.out.printf("%s; %.0f us of CPU a paper in all%n", cpu.describe(), cpu.total() * 1e6 / n);
                    verify(consumer, n, warmup, onTopic);
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(warmupFile);
        }
    }

    /** -Dbench.sql="stmt; stmt" runs before the import, in the service's database: to try an index or a setting. */
    private static void runSql(PostgresServer postgres, String sql) throws SQLException {
        if (sql.isBlank()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = c.createStatement()) {
            for (String one : sql.split(";")) {
                statement.execute(one);
            }
        }
    }

    /** Sends the file; the answer (the import's summary) comes when every record is stored. */
    private static CompletableFuture<Double> post(HttpClient http, int port, Path file, long start) throws Exception {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> {
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("import answered " + answer.statusCode() + ": " + answer.body());
                    }
                    return (System.nanoTime() - start) / 1e9;
                });
    }

    /**
     * Waits until {@code n} more records are on the topic (its end offsets; the values are not read, so
     * that measuring takes no CPU from what is measured) and answers how many records it holds then;
     * prints the rate of each tenth.
     */
    private static long awaitOnTopic(KafkaConsumer<String, byte[]> consumer, int n, long start,
            CompletableFuture<Double> importing, boolean report) throws InterruptedException {
        long before = recordsOnTopic(consumer);
        long tenth = Math.max(1, n / 10);
        long lastMark = start;
        long lastCount = 0;
        StringBuilder rates = new StringBuilder();
        long added = 0;
        while (added < n) {
            Thread.sleep(100);
            if (importing.isCompletedExceptionally()) {
                importing.join();
            }
            added = recordsOnTopic(consumer) - before;
            if (report && added - lastCount >= tenth) {
                long now = System.nanoTime();
                rates.append(String.format(" %.0f", (added - lastCount) / ((now - lastMark) / 1e9)));
                lastMark = now;
                lastCount = added;
            }
            if ((System.nanoTime() - start) / 1e9 > 1800) {
                throw new IllegalStateException("only " + added + " of " + n + " records after 1800 s");
            }
        }
        if (report) {
            System.out.println("papers/s through to Kafka in each tenth:" + rates);
        }
        return before + added;
    }

    private static long recordsOnTopic(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAPER_DISCOVERED).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Reads the topic back (not timed) and checks that each measured paper is on it: the end offsets
     * alone would count a record the relay sent twice (delivery is at least once) as two papers.
     */
    private static void verify(KafkaConsumer<String, byte[]> consumer, int n, int warmup, long records) {
        consumer.subscribe(List.of(Topics.PAPER_DISCOVERED));
        Set<String> keys = new HashSet<>((n + warmup) * 2);
        long read = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (read < records && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                keys.add(record.key());
                read++;
            }
        }
        long measured = 0;
        for (int i = 0; i < n; i++) {
            measured += keys.contains(idOf(i)) ? 1 : 0;
        }
        System.out.printf("verified: %d of %d papers on the topic, %d records sent twice%n", measured, n,
                read - keys.size());
        if (measured != n) {
            throw new IllegalStateException("papers missing from the topic: " + (n - measured));
        }
    }

    private static String idOf(int i) {
        return String.format("%02d%02d.%05d", 10 + i / 1_200_000, 1 + (i / 100_000) % 12, i % 100_000);
    }

    /**
     * Records of papers {@code from} to {@code from + n - 1}, each a distinct new-style id: the real
     * snapshot records of {@code ../shared/realdata/F-*} (1.4 KB a line on average) in turn with their
     * ids replaced, or synthetic ones of about 600 bytes where that folder is absent.
     */
    private static void writeRecords(Path file, int from, int n) throws Exception {
        List<String> real = realRecords();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < from + n; i++) {
                String id = idOf(i);
                if (!real.isEmpty()) {
                    String line = real.get(i % real.size());
                    int start = line.indexOf("\"id\":\"") + 6;
                    w.write(line.substring(0, start) + id + line.substring(line.indexOf('"', start)));
                    w.write('\n');
                    continue;
                }
                w.write("{\"id\":\"" + id + "\",\"submitter\":\"Bench\",\"authors\":\"A. Author, B. Author\","
                        + "\"title\":\"Synthetic paper " + i + " on tiled attention\",\"comments\":\"8 pages\","
                        + "\"journal-ref\":null,\"doi\":null,\"report-no\":null,\"categories\":\"cs.LG cs.AI\","
                        + "\"license\":null,\"abstract\":\"We study synthetic record " + i + " to measure how fast the"
                        + " ingest service stores and publishes papers.\",\"versions\":[{\"version\":\"v1\","
                        + "\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"}],\"update_date\":\"2008-11-13\","
                        + "\"authors_parsed\":[[\"Author\",\"A.\",\"\"],[\"Author\",\"B.\",\"\"]]}\n");
            }
        }
    }

    private static List<String> realRecords() throws Exception {
        Path realdata = Path.of(System.getProperty("bench.realdata", "../../shared/realdata"));
        if (!Files.isDirectory(realdata)) {
            return List.of();
        }
        try (var folders = Files.list(realdata)) {
            Path folder = folders.filter(f -> f.getFileName().toString().startsWith("F-")).findFirst().orElse(null);
            if (folder == null) {
                return List.of();
            }
            try (var files = Files.list(folder)) {
                List<String> lines = new ArrayList<>();
                for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                    Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
                }
                return lines;
            }
        }
    }

    private static void awaitReady(HttpClient http, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the service is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("ingest-service was not ready after 120 s");
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p);
    }
}
