package dev.paperstream.notes.bench;

import com.sun.net.httpserver.HttpServer;
import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.embedded.EmbeddedKafkaBroker;
import dev.paperstream.embedded.PostgresServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a real broker, a real PostgreSQL and the packaged notes service (target/quarkus-app), then measures
 * (1) paper.scored to webhook delivery latency at a steady rate, (2) the inbox's response time with many
 * papers stored. Prints the numbers; it is not a test. See README.md for the command.
 */
public final class NotesBenchmark {
    private static final Pattern PAPER_ID = Pattern.compile("\"paperId\":\"([^\"]+)\"");
    private static final String ADMIN = "bench-admin-token-long-enough";

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("rate", 100);
        int seconds = Integer.getInteger("seconds", 20);
        int bulk = Integer.getInteger("papers", 100_000);
        // Maven runs exec:java from the reactor root; the module's target/ is where these classes were compiled.
        Path target = Path.of(NotesBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Path jar = System.getProperty("jar") == null ? target.resolve("quarkus-app/quarkus-run.jar")
                : Path.of(System.getProperty("jar"));
        if (!jar.toFile().exists()) {
            throw new IllegalStateException(jar + " is missing: package the service first (see README.md)");
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
                PostgresServer db = PostgresServer.startForTest()) {
            int port = freePort();
            Process service = new ProcessBuilder("java", "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                    "-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl(), "-Dquarkus.datasource.username=" + db.user(),
                    "-Dquarkus.datasource.password=" + db.password(), "-Dquarkus.http.port=" + port,
                    "-Dpaperstream.auth.admin-token=" + ADMIN, "-Dquarkus.log.level=WARN",
                    // the webhook receiver is this process, on loopback, which outgoing requests may not reach
                    // unless allowed
                    "-Dpaperstream.outbound.allow=127.0.0.1", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(target.resolve("bench-notes-service.log").toFile()).start();
            System.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
            try {
                String base = "http://localhost:" + port;
                awaitReady(base);
                latency(base, db, rate, seconds);
                if (bulk > 0) {
                    inbox(base, db, bulk);
                }
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void latency(String base, PostgresServer db, int rate, int seconds) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> sentWallMillis = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher m = PAPER_ID.matcher(body);
            if (m.find()) {
                received.putIfAbsent(m.group(1), now);
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        int n = rate * seconds;
        try {
            HttpClient http = HttpClient.newHttpClient();
            String channels = "[{\"kind\":\"webhook\",\"target\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook\"}]";
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/api/teams/bench/channels"))
                    .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(channels)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("cannot configure the channel: " + put.statusCode() + " " + put.body());
            }
            Instant published = Instant.parse("2026-11-01T00:00:00Z");
            try (EventFeed feed = new EventFeed()) {
                for (int i = 0; i < n; i++) {
                    String id = String.format("2611.%05d", i);
                    feed.publish(id, EventFeed.paper(id, 1, "Benchmark paper " + i, "Abstract " + i, published));
                }
                awaitStored(http, base, n);
                long interval = 1_000_000_000L / rate;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    String id = String.format("2611.%05d", i);
                    sent.put(id, System.nanoTime());
                    sentWallMillis.put(id, System.currentTimeMillis());
                    feed.publish(id, EventFeed.score(id, 1, "bench", 9, PaperType.OPTIMIZATION));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            // its server thread would keep this JVM alive after a failure
            receiver.stop(0);
        }
        List<Double> ms = new ArrayList<>();
        sent.forEach((id, t) -> {
            Long r = received.get(id);
            if (r != null) {
                ms.add((r - t) / 1e6);
            }
        });
        Collections.sort(ms);
        System.out.printf("scored->webhook latency at %d papers/s for %d s: delivered %d/%d, p50 %.0f ms, p95 %.0f ms,"
                + " p99 %.0f ms, max %.0f ms%n", rate, seconds, ms.size(), n, pct(ms, 50), pct(ms, 95), pct(ms, 99),
                ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1));
        stages(db, sentWallMillis);
    }

    /**
     * Where the time went: the notification row is created in the consumer's transaction (its created_at is
     * that transaction's start), delivered_at is stamped once the receiver answered.
     */
    private static void stages(PostgresServer db, Map<String, Long> sentWallMillis) throws Exception {
        List<Double> consumed = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT paper_id, created_at, delivered_at"
                        + " FROM notes.notification WHERE team = 'bench' AND delivered_at IS NOT NULL")) {
            while (rs.next()) {
                Long sentAt = sentWallMillis.get(rs.getString(1));
                if (sentAt != null) {
                    long created = rs.getTimestamp(2).getTime();
                    consumed.add((double) (created - sentAt));
                    delivered.add((double) (rs.getTimestamp(3).getTime() - created));
                }
            }
        }
        Collections.sort(consumed);
        Collections.sort(delivered);
        System.out.printf("  of which published->consumer transaction: p50 %.0f ms, p95 %.0f ms;"
                + " consumer transaction->delivered: p50 %.0f ms, p95 %.0f ms%n", pct(consumed, 50),
                pct(consumed, 95), pct(delivered, 50), pct(delivered, 95));
    }

    private static void inbox(String base, PostgresServer db, int papers) throws Exception {
        long t0 = System.nanoTime();
        BulkPapers.insert(db, papers);
        System.out.printf("inserted %d papers with scores in %.1f s%n", papers, (System.nanoTime() - t0) / 1e9);
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/?team=bulk-a", "/?team=bulk-a&priority=HIGH", "/api/papers",
                "/api/papers?team=bulk-b&priority=MEDIUM", "/api/papers?q=attention", "/?q=attention&team=bulk-a")) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode());
                }
                if (i >= 10) {
                    ms.add((System.nanoTime() - s) / 1e6);
                }
            }
            Collections.sort(ms);
            System.out.printf("GET %-34s with %d papers: median %.1f ms, p95 %.1f ms%n", path, papers, pct(ms, 50),
                    pct(ms, 95));
        }
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Waits until the n-th paper is listed: the list's total stops counting at 1,000. */
    private static void awaitStored(HttpClient http, String base, int n) throws Exception {
        URI last = URI.create(base + "/api/papers?limit=1&offset=" + (n - 1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (http.send(HttpRequest.newBuilder(last).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("\"id\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("papers did not all arrive");
    }

    private static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready; see target/bench-notes-service.log");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private NotesBenchmark() {
    }
}
