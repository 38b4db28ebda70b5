package dev.paperstream.notes.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server that records what it receives; paths listed in {@code failFirst} answer 500 at first, those
 * given to {@code refuse} always answer their status and body, those given to {@code delay} answer late.
 * {@code received} holds the requests it answered 200, {@code requests} every request.
 */
final class WebhookReceiver implements AutoCloseable {
    record Received(String path, Map<String, List<String>> headers, String body, long receivedAtNanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Map.Entry<Integer, String>> refusals = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime());
            requests.add(request);
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map.Entry<Integer, String> refusal = refusals.get(path);
            if (refusal != null) {
                byte[] answer = refusal.getValue().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(refusal.getKey(), answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
                return;
            }
            AtomicInteger left = failuresLeft.get(path);
            int status = left != null && left.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                received.add(request);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // answers side by side: a slow path must not hold up the others
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    void failFirst(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    List<Received> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    void refuse(String path, int status, String body) {
        refusals.put(path, Map.entry(status, body));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
