package dev.paperstream.notes.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.support.net.ServerBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads and edits team profiles through the priority service's API ({@link PriorityProfileApi}, which retries a
 * busy priority). An edit is sent with the signed-in person's own token, so priority checks their role itself
 * and records who changed what.
 */
@ApplicationScoped
public class TeamProfileClient {
    private final String url;
    private final PriorityProfileApi api;
    private final ObjectMapper json;

    @Inject
    public TeamProfileClient(PriorityConfig config, @RestClient PriorityProfileApi api, ObjectMapper json) {
        this(config.url(), api, json);
    }

    /** {@code url} is where {@code api} sends its requests, named in errors. */
    public TeamProfileClient(String url, PriorityProfileApi api, ObjectMapper json) {
        this.url = url;
        this.api = api;
        this.json = json;
    }

    /**
     * The stored profile; empty when the team has none yet. {@code bearerToken} (null: none) is the reader's own,
     * for a priority service that wants a token for reads too.
     */
    public Optional<TeamProfile> find(String team, String bearerToken) {
        return send(() -> api.find(team, bearerToken == null ? null : "Bearer " + bearerToken), true);
    }

    /** Replaces the profile; priority's own validation message comes back as a {@link Rejected}. */
    public TeamProfile save(String team, TeamProfile profile, String bearerToken) {
        String body;
        try {
            body = json.writeValueAsString(profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(() -> api.save(team, "Bearer " + bearerToken, body), false).orElseThrow();
    }

    private Optional<TeamProfile> send(Supplier<Response> request, boolean notFoundIsEmpty) {
        try (Response response = request.get()) {
            return read(response, notFoundIsEmpty);
        } catch (WebApplicationException e) {
            return read(e.getResponse(), notFoundIsEmpty);
        } catch (ServerBusyException e) {
            throw new Unavailable("the priority service " + e.getMessage() + ", and still after its retries");
        } catch (CircuitBreakerOpenException e) {
            throw new Unavailable("the priority service at " + url + " failed repeatedly; not asked for a while");
        } catch (TimeoutException e) {
            throw new Unavailable("the priority service at " + url + " did not answer in time");
        } catch (ProcessingException e) {
            throw new Unavailable("the priority service at " + url + " cannot be reached: " + rootMessage(e));
        }
    }

    private Optional<TeamProfile> read(Response response, boolean notFoundIsEmpty) {
        int status = response.getStatus();
        if (status == 404 && notFoundIsEmpty) {
            return Optional.empty();
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (status / 100 == 4) {
            throw new Rejected(status, detail(body));
        }
        if (status != 200) {
            throw new Unavailable("the priority service answered HTTP " + status);
        }
        try {
            JsonNode node = json.readTree(body);
            List<TeamProfile.Term> terms = new ArrayList<>();
            node.path("terms").forEach(t -> terms.add(new TeamProfile.Term(t.path("term").asText(),
                    t.path("weight").asDouble())));
            return Optional.of(new TeamProfile(strings(node.path("categories")), terms,
                    strings(node.path("seedPapers")), node.path("matchAll").asBoolean()));
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
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
