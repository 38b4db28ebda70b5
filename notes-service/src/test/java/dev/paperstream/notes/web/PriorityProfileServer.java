package dev.paperstream.notes.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server in place of the priority service's profile API, for the team page's client: it keeps
 * what was PUT per team and answers it back, and records the last PUT's Authorization header and body. A
 * test asks it, over HTTP, to refuse the next PUT ({@code POST /control/refuse-next?status=&detail=}) or reads
 * what it received ({@code GET /control/last-put}, {@code GET /control/last-authorization}). The real
 * priority service is behind the same page in the system's end-to-end test.
 */
public class PriorityProfileServer implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;
    private final Map<String, String> profiles = new ConcurrentHashMap<>();
    private volatile String lastPut = "";
    private volatile String lastAuthorization = "";
    private volatile String refusal;
    private volatile int refusalStatus;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/teams/", this::profile);
        server.createContext("/control/", this::control);
        server.start();
        return Map.of("paperstream.priority.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void profile(HttpExchange ex) throws IOException {
        String team = ex.getRequestURI().getPath().split("/")[3];
        switch (ex.getRequestMethod()) {
            case "GET" -> {
                String stored = profiles.get(team);
                if (stored == null) {
                    answer(ex, 404, "application/problem+json", "{\"status\":404,\"detail\":\"no team '" + team + "'\"}");
                } else {
                    answer(ex, 200, "application/json", stored);
                }
            }
            case "PUT" -> {
                String body = body(ex);
                lastPut = body;
                lastAuthorization = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
                if (refusal != null) {
                    String detail = refusal;
                    refusal = null;
                    answer(ex, refusalStatus, "application/problem+json",
                            "{\"status\":" + refusalStatus + ",\"title\":\"Bad Request\",\"detail\":\"" + detail + "\"}");
                    return;
                }
                profiles.put(team, body);
                answer(ex, 200, "application/json", body);
            }
            default -> answer(ex, 405, "text/plain", "");
        }
    }

    private void control(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/control/last-put" -> answer(ex, 200, "application/json", lastPut);
            case "/control/last-authorization" -> answer(ex, 200, "text/plain", lastAuthorization);
            case "/control/refuse-next" -> {
                Map<String, String> query = new ConcurrentHashMap<>();
                for (String pair : ex.getRequestURI().getQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                refusalStatus = Integer.parseInt(query.get("status"));
                refusal = query.get("detail");
                answer(ex, 204, "text/plain", "");
            }
            default -> answer(ex, 404, "text/plain", "");
        }
    }

    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
