package dev.paperstream.notes.drafts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible server at {@code /v1/chat/completions} that answers in the recorded shapes of
 * {@code src/test/resources/chat-completions}. A test scripts the next answers over HTTP
 * ({@code POST /control/next?status=&shape=&retryAfter=} with the answer text as the body) and reads what it was
 * sent ({@code GET /control/last-request}, {@code /control/last-authorization}, {@code /control/count}). With
 * nothing scripted it answers a valid pass-1 draft in OpenAI's shape.
 */
public class ChatCompletionsServer implements QuarkusTestResourceLifecycleManager {
    static final String DEFAULT_ANSWER = "{\"problem\": \"Attention is slow on long inputs.\", \"contribution\":"
            + " \"A tiled kernel that is 3x faster.\", \"worthDeepRead\": \"yes, it matches our kernels work\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Scripted(int status, String shape, String retryAfter, String content) {
    }

    private HttpServer server;
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile String lastRequest = "";
    private volatile String lastAuthorization = "";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::complete);
        server.createContext("/control/", this::control);
        server.start();
        return Map.of("paperstream.drafts.endpoints.local.base-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private void complete(HttpExchange ex) throws IOException {
        count.incrementAndGet();
        lastRequest = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastAuthorization = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        Scripted next = script.poll();
        if (next == null) {
            next = new Scripted(200, "openai", null, DEFAULT_ANSWER);
        }
        if (next.retryAfter() != null) {
            ex.getResponseHeaders().add("Retry-After", next.retryAfter());
        }
        if (next.status() != 200) {
            answer(ex, next.status(), "{\"error\":{\"message\":\"" + next.content() + "\",\"type\":\"server_error\"}}");
            return;
        }
        String body = recorded(next.shape()).replace("%CONTENT%", JSON.writeValueAsString(next.content()));
        answer(ex, 200, body);
    }

    private void control(HttpExchange ex) throws IOException {
        switch (ex.getRequestURI().getPath()) {
            case "/control/next" -> {
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                script.add(new Scripted(Integer.parseInt(q.getOrDefault("status", "200")),
                        q.getOrDefault("shape", "openai"), q.get("retryAfter"),
                        new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer(ex, 204, null);
            }
            case "/control/reset" -> {
                script.clear();
                answer(ex, 204, null);
            }
            case "/control/last-request" -> answer(ex, 200, lastRequest);
            case "/control/last-authorization" -> answer(ex, 200, lastAuthorization);
            case "/control/count" -> answer(ex, 200, String.valueOf(count.get()));
            default -> answer(ex, 404, "{}");
        }
    }

    private static String recorded(String shape) {
        try (InputStream in = ChatCompletionsServer.class.getResourceAsStream("/chat-completions/" + shape + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded shape " + shape);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
