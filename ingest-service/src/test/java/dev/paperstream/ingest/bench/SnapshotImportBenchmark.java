package dev.paperstream.ingest.bench;

import dev.paperstream.events.Topics;
import dev.paperstream.testkit.EmbeddedKafkaBroker;
import dev.paperstream.testkit.FreePorts;
import dev.paperstream.testkit.PostgresServer;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Snapshot import throughput through to Kafka: starts a real broker and PostgreSQL, runs the packaged
 * service (target/quarkus-app) as its own process, streams N synthetic snapshot records to
 * {@code POST /api/imports} and counts paper.discovered records until all N are on the topic.
 * Usage: see README ("Benchmarks"); arguments: number of records (default 100000) and the number of
 * records of a warm-up import of other papers before the measured one (default 0: a cold service,
 * whose JIT compiler and heap sizing are part of the time).
 */
public final class SnapshotImportBenchmark {
    private static final String TOKEN = "bench-admin-token";

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
                try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers())) {
                    consumer.poll(Duration.ofMillis(100));
                    if (warmup > 0) {
                        long warmupStart = System.nanoTime();
                        post(http, port, warmupFile);
                        awaitRecords(consumer, warmup, warmupStart);
                        System.out.printf("warm-up: %d records through to Kafka in %.1f s%n", warmup,
                                (System.nanoTime() - warmupStart) / 1e9);
                    }
                    long start = System.nanoTime();
                    post(http, port, file);
                    double imported = (System.nanoTime() - start) / 1e9;
                    awaitRecords(consumer, n, start);
                    double total = (System.nanoTime() - start) / 1e9;
                    System.out.printf("snapshot import: %d records, stored in %.1f s (%.0f papers/s), on Kafka after"
                            + " %.1f s (%.0f papers/s through to Kafka)%n", n, imported, n / imported, total, n / total);
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

    private static void post(HttpClient http, int port, Path file) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/imports"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("import answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static void awaitRecords(KafkaConsumer<String, String> consumer, int n, long start) {
        long seen = 0;
        while (seen < n) {
            seen += consumer.poll(Duration.ofMillis(500)).count();
            if ((System.nanoTime() - start) / 1e9 > 600) {
                throw new IllegalStateException("only " + seen + " of " + n + " records after 600 s");
            }
        }
    }

    /** Records of papers {@code from} to {@code from + n - 1}, each a distinct new-style id. */
    private static void writeRecords(Path file, int from, int n) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < from + n; i++) {
                String id = String.format("%02d%02d.%05d", 10 + i / 1_200_000, 1 + (i / 100_000) % 12, i % 100_000);
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

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(Topics.PAPER_DISCOVERED));
        return c;
    }
}
