package dev.paperstream.priority.citations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A local stand-in for the Semantic Scholar Graph API batch endpoint, in its documented format:
 * papers whose arXiv id starts with {@link #CITED_PREFIX} have {@link #CITATIONS} citations, every
 * other id is unknown ({@code null}).
 */
public class FakeSemanticScholarResource implements QuarkusTestResourceLifecycleManager {
    public static final String CITED_PREFIX = "2612.9";
    public static final int CITATIONS = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graph/v1/paper/batch", exchange -> {
            JsonNode ids = JSON.readTree(exchange.getRequestBody()).get("ids");
            StringBuilder answer = new StringBuilder("[");
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i).asText().replaceFirst("^ARXIV:", "");
                answer.append(i == 0 ? "" : ",").append(id.startsWith(CITED_PREFIX)
                        ? "{\"paperId\": \"s2-" + id + "\", \"citationCount\": " + CITATIONS + "}" : "null");
            }
            byte[] body = answer.append(']').toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of(
                "paperstream.citations.provider", "semantic-scholar",
                "paperstream.citations.s2-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/graph/v1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
