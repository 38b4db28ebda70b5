package dev.paperstream.notes.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and edits team profiles through the priority service's API. An edit is sent with the signed-in
 * person's own token, so priority checks their role itself and records who changed what.
 */
@ApplicationScoped
public class TeamProfileClient {
    private final PriorityConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public TeamProfileClient(PriorityConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /**
     * The stored profile; empty when the team has none yet. {@code bearerToken} (null: none) is the reader's own,
     * for a priority service that wants a token for reads too.
     */
    public Optional<TeamProfile> find(String team, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(team)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(response));
    }

    /** Replaces the profile; priority's own validation message comes back as a {@link Rejected}. */
    public TeamProfile save(String team, TeamProfile profile, String bearerToken) {
        String body;
        try {
            body = json.writeValueAsString(profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return read(send(HttpRequest.newBuilder(uri(team)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(config.timeout()).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("the priority service at " + config.url() + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking the priority service");
        }
    }

    private TeamProfile read(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 4) {
            throw new Rejected(status, detail(response.body()));
        }
        if (status != 200) {
            throw new Unavailable("the priority service answered HTTP " + status);
        }
        try {
            JsonNode node = json.readTree(response.body());
            List<TeamProfile.Term> terms = new ArrayList<>();
            node.path("terms").forEach(t -> terms.add(new TeamProfile.Term(t.path("term").asText(),
                    t.path("weight").asDouble())));
            return new TeamProfile(strings(node.path("categories")), terms, strings(node.path("seedPapers")),
                    node.path("matchAll").asBoolean());
        } catch (IOException e) {
            throw new Unavailable("the priority service sent a profile that is not JSON: " + e.getMessage());
        }
    }

    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            String detail = problem.path("detail").asText("");
            return detail.isEmpty() ? problem.path("title").asText("rejected") : detail;
        } catch (IOException e) {
            return body == null || body.isBlank() ? "rejected" : body;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private URI uri(String team) {
        String base = config.url().endsWith("/") ? config.url() : config.url() + "/";
        return URI.create(base + "api/teams/" + URLEncoder.encode(team, StandardCharsets.UTF_8) + "/profile");
    }

    /** Priority refused the request (bad profile, missing role); the message is priority's own. */
    public static final class Rejected extends RuntimeException {
        private final int status;

        Rejected(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Priority could not be asked, or answered with a server error. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
