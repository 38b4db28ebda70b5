package dev.paperstream.priority.citations;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A local HTTP server that answers with queued responses and records the requests it got. */
final class ReplayServer implements AutoCloseable {
    record Reply(int status, String body, Map<String, String> headers) {
    }

    record Request(String method, String uri, String body, Map<String, List<String>> headers, long atNanos) {
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    ReplayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body,
                        Map.copyOf(exchange.getRequestHeaders()), System.nanoTime()));
                reply = replies.size() > 1 ? replies.poll() : replies.peek();
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Queues a reply; the last one queued answers every further request. */
    synchronized ReplayServer reply(int status, String body, Map<String, String> headers) {
        replies.add(new Reply(status, body, headers));
        return this;
    }

    /** Forgets the queued replies and the requests seen, for the next test. */
    synchronized ReplayServer reset() {
        replies.clear();
        requests.clear();
        return this;
    }

    synchronized ReplayServer reply(int status, String body) {
        return reply(status, body, Map.of());
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String resource(String name) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/citations/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
