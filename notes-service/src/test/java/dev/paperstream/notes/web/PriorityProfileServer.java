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
 *
 * <p>Votes ({@code POST .../profile/feedback}), the model ({@code GET .../profile/model}) and corrections
 * ({@code POST /api/papers/{id}/corrections}) are answered with priority's own JSON shapes, kept in
 * {@code priority-replay/*.json} (priority's {@code FeedbackAndCorrectionTest} checks its real answers against
 * them); the votes and corrections received are listed at {@code GET /control/votes} and
 * {@code /control/last-correction}, and {@code POST /control/refuse-votes?times=n} answers the next n vote tries
 * with 503, as a priority that is down. Related papers ({@code GET /api/papers/{id}/related}) are answered with
 * {@code priority-replay/related.json} (priority's {@code RelatedPapersTest} checks the shape);
 * {@code POST /control/refuse-related?times=n} answers the next n tries with 503.
 */
public class PriorityProfileServer implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;
    private final Map<String, String> profiles = new ConcurrentHashMap<>();
    private volatile String lastPut = "";
    private volatile String lastAuthorization = "";
    private volatile String refusal;
    private volatile int refusalStatus;
    private final java.util.List<String> votes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String lastCorrection = "";
    private final java.util.concurrent.atomic.AtomicInteger refuseVotes = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refuseRelated = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/teams/", this::profile);
        server.createContext("/api/papers/", this::correction);
        server.createContext("/control/", this::control);
        server.start();
        return Map.of("paperstream.priority.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void profile(HttpExchange ex) throws IOException {
        String[] parts = ex.getRequestURI().getPath().split("/");
        String team = parts[3];
        if (parts.length > 5) {
            feedback(ex, team, parts[5]);
            return;
        }
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

    private void feedback(HttpExchange ex, String team, String what) throws IOException {
        if (!profiles.containsKey(team)) {
            answer(ex, 404, "application/problem+json", "{\"status\":404,\"detail\":\"no team '" + team + "'\"}");
        } else if (what.equals("model") && ex.getRequestMethod().equals("GET")) {
            answer(ex, 200, "application/json", replay("model.json").replace("TEAM", team));
        } else if (what.equals("feedback") && ex.getRequestMethod().equals("POST")) {
            String body = body(ex);
            if (refuseVotes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(ex, 503, "text/plain", "");
                return;
            }
            votes.add(ex.getRequestHeaders().getFirst("Authorization") + " " + team + " " + body);
            answer(ex, 200, "application/json", replay("feedback.json").replace("TEAM", team));
        } else {
            answer(ex, 405, "text/plain", "");
        }
    }

    private void correction(HttpExchange ex) throws IOException {
        String[] parts = ex.getRequestURI().getPath().split("/");
        if (parts.length == 5 && parts[4].equals("related") && ex.getRequestMethod().equals("GET")) {
            if (refuseRelated.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(ex, 503, "text/plain", "");
                return;
            }
            String query = String.valueOf(ex.getRequestURI().getQuery());
            String team = query.replaceAll(".*(?:^|&)team=([^&]*).*", "$1");
            answer(ex, 200, "application/json", replay("related.json").replace("PAPER", parts[3])
                    .replace("TEAM", query.contains("team=") ? team : "default"));
            return;
        }
        if (parts.length != 5 || !parts[4].equals("corrections") || !ex.getRequestMethod().equals("POST")) {
            answer(ex, 404, "text/plain", "");
            return;
        }
        lastCorrection = ex.getRequestHeaders().getFirst("Authorization") + " " + body(ex);
        answer(ex, 200, "application/json", replay("corrections.json").replace("PAPER", parts[3]));
    }

    private static String replay(String name) throws IOException {
        try (InputStream in = PriorityProfileServer.class.getResourceAsStream("/priority-replay/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void control(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/control/votes" -> answer(ex, 200, "text/plain", String.join("\n", votes));
            case "/control/last-correction" -> answer(ex, 200, "text/plain", lastCorrection);
            case "/control/refuse-related" -> {
                refuseRelated.set(Integer.parseInt(ex.getRequestURI().getQuery().replace("times=", "")));
                answer(ex, 204, "text/plain", "");
            }
            case "/control/refuse-votes" -> {
                refuseVotes.set(Integer.parseInt(ex.getRequestURI().getQuery().replace("times=", "")));
                answer(ex, 204, "text/plain", "");
            }
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
