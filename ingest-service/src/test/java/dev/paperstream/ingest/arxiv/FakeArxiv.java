package dev.paperstream.ingest.arxiv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for arxiv.org (API, RSS, OAI-PMH, PDFs) and GROBID that replays scripted responses and records
 * every request with its arrival time and how many requests were in flight at once. The service's
 * arXiv URLs point at it for the whole test run.
 */
public class FakeArxiv implements QuarkusTestResourceLifecycleManager {
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Reply ok(String contentType, byte[] body) {
            return new Reply(200, contentType, body, Map.of());
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, "text/plain", ("status " + status).getBytes(), headers);
        }
    }

    public record Request(long arrivedMillis, String path, String query, String userAgent, int inFlight) {
    }

    private static final Map<String, Deque<Reply>> SCRIPTS = new ConcurrentHashMap<>();
    private static final List<Request> REQUESTS = new ArrayList<>();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static volatile long handlingMillis = 150;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", FakeArxiv::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("paperstream.arxiv.api-url", base + "/api/query",
                "paperstream.arxiv.rss-url", base + "/rss",
                "paperstream.arxiv.oai-url", base + "/oai",
                "paperstream.arxiv.pdf-url", base + "/pdf",
                "paperstream.grobid.url", base + "/grobid");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replies to the next requests for the path (without query) in order; the last one repeats. */
    public static void script(String path, Reply... replies) {
        SCRIPTS.put(path, new ConcurrentLinkedDeque<>(List.of(replies)));
    }

    public static void reset() {
        SCRIPTS.clear();
        synchronized (REQUESTS) {
            REQUESTS.clear();
        }
    }

    /** Forgets the blocks and back-offs a test provoked (shared limiter state), so that the next test starts afresh. */
    public static void forgetBlocksAndBackOffs(AgroalDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("UPDATE arxiv_limiter SET blocked_at = NULL, blocked_reason = NULL,"
                    + " not_before = NULL, not_before_reason = NULL");
        }
    }

    public static List<Request> requests() {
        synchronized (REQUESTS) {
            return List.copyOf(REQUESTS);
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = FakeArxiv.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        int inFlight = IN_FLIGHT.incrementAndGet();
        try {
            synchronized (REQUESTS) {
                REQUESTS.add(new Request(System.currentTimeMillis(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("User-Agent"),
                        inFlight));
            }
            Thread.sleep(handlingMillis);
            Deque<Reply> script = SCRIPTS.get(exchange.getRequestURI().getPath());
            Reply reply = script == null ? Reply.status(404, Map.of())
                    : script.size() > 1 ? script.pollFirst() : script.peekFirst();
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            exchange.getResponseBody().write(reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            IN_FLIGHT.decrementAndGet();
            exchange.close();
        }
    }
}
