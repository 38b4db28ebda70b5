package dev.paperstream.launcher.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local webhook receivers, one path per channel ({@code /<team>/<n>}): every request is recorded with its
 * Standard Webhooks {@code webhook-id} and the arXiv id it announces. One can be armed to run an action (kill
 * notes) when the next announcement arrives, before it answers: notes then dies between a send and its record.
 */
final class Receivers implements AutoCloseable {
    private static final Pattern ABS_LINK = Pattern.compile("arxiv\\.org/abs/(\\d{4}\\.\\d{4,5})");

    /** One request a channel received. */
    record Delivery(String channel, String deliveryId, String paperId) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> onNextAnnouncement = new AtomicReference<>();

    Receivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String channel) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + channel;
    }

    /** Runs {@code action} when the next announcement arrives, before it is answered. */
    void onNextAnnouncement(Runnable action) {
        onNextAnnouncement.set(action);
    }

    boolean armed() {
        return onNextAnnouncement.get() != null;
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher abs = ABS_LINK.matcher(body);
        String paperId = abs.find() ? abs.group(1) : null;
        if (paperId != null) {
            deliveries.add(new Delivery(exchange.getRequestURI().getPath().substring(1),
                    exchange.getRequestHeaders().getFirst("webhook-id"), paperId));
            Runnable action = onNextAnnouncement.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Per channel, the delivery ids each paper was announced with (a set: repeats of one id collapse). */
    Map<String, Map<String, Set<String>>> idsByChannelAndPaper() {
        Map<String, Map<String, Set<String>>> ids = new TreeMap<>();
        for (Delivery d : deliveries) {
            ids.computeIfAbsent(d.channel(), c -> new ConcurrentHashMap<>())
                    .computeIfAbsent(d.paperId(), p -> ConcurrentHashMap.newKeySet())
                    .add(String.valueOf(d.deliveryId()));
        }
        return ids;
    }

    /** How many requests repeated an id a channel had already received (redeliveries after a kill). */
    int repeatedRequests() {
        return deliveries.size() - new ArrayList<>(deliveries.stream()
                .map(d -> d.channel() + "|" + d.deliveryId() + "|" + d.paperId()).distinct().toList()).size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
