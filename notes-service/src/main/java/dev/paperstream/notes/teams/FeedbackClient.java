package dev.paperstream.notes.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperstream.support.net.ServerBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Votes, corrections and the relevance model, through the priority service's API ({@link PriorityFeedbackApi},
 * which retries). Sent with the person's own token: priority checks their role and records them as the voter or
 * corrector. Nothing is queued here: a vote priority did not take is a {@link TeamProfileClient.Unavailable}, and
 * the page asks the person to send it again.
 */
@ApplicationScoped
public class FeedbackClient {
    private final String url;
    private final PriorityFeedbackApi api;
    private final ObjectMapper json;

    @Inject
    public FeedbackClient(PriorityConfig config, @RestClient PriorityFeedbackApi api, ObjectMapper json) {
        this.url = config.url();
        this.api = api;
        this.json = json;
    }

    /** A person's vote for a team on a paper: {@code up}, {@code down} or {@code not-relevant}. */
    public void vote(String team, String paperId, Vote vote, String bearerToken) {
        ObjectNode body = json.createObjectNode().put("paperId", paperId).put("vote", vote.wire());
        send(() -> api.vote(team, "Bearer " + bearerToken, body.toString()));
    }

    /**
     * Corrects the paper's type (null: unchanged) and/or its relevance to {@code team} (null: unchanged), with the
     * reason; answers priority's answer: {@code published} and the paper's score {@code history}.
     */
    public JsonNode correct(String paperId, String team, String paperType, Integer relevance, String reason,
            String bearerToken) {
        ObjectNode body = json.createObjectNode().put("reason", reason);
        if (team != null) {
            body.put("team", team);
        }
        if (paperType != null) {
            body.put("paperType", paperType);
        }
        if (relevance != null) {
            body.put("relevance", relevance);
        }
        return send(() -> api.correct(paperId, "Bearer " + bearerToken, body.toString()));
    }

    /** The team's relevance model as priority answers it ({@code GET .../profile/model}). */
    public RelevanceModelView model(String team, String bearerToken) {
        return RelevanceModelView.of(send(() -> api.model(team, bearerToken == null ? null : "Bearer " + bearerToken)));
    }

    /**
     * The {@code k} papers nearest in meaning to the paper among the team's papers and seeds
     * ({@code GET /api/papers/{id}/related}); {@code team} null: priority's default team.
     */
    public RelatedPapersView related(String paperId, String team, int k, String bearerToken) {
        return RelatedPapersView.of(send(() -> api.related(paperId, team, k,
                bearerToken == null ? null : "Bearer " + bearerToken)));
    }

    private JsonNode send(Supplier<Response> request) {
        try (Response response = request.get()) {
            return read(response);
        } catch (WebApplicationException e) {
            return read(e.getResponse());
        } catch (ServerBusyException e) {
            throw new TeamProfileClient.Unavailable("the priority service " + e.getMessage()
                    + ", and still after its retries");
        } catch (CircuitBreakerOpenException e) {
            throw new TeamProfileClient.Unavailable("the priority service at " + url
                    + " failed repeatedly; not asked for a while");
        } catch (TimeoutException e) {
            throw new TeamProfileClient.Unavailable("the priority service at " + url + " did not answer in time");
        } catch (ProcessingException e) {
            throw new TeamProfileClient.Unavailable("the priority service at " + url + " cannot be reached");
        }
    }

    private JsonNode read(Response response) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        JsonNode node;
        try {
            node = json.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            if (status == 200) {
                throw new TeamProfileClient.Unavailable("the priority service sent an answer that is not JSON");
            }
            node = json.createObjectNode();
        }
        if (status / 100 == 4) {
            String detail = node.path("detail").asText("");
            throw new TeamProfileClient.Rejected(status, detail.isEmpty() ? "rejected (HTTP " + status + ")" : detail);
        }
        if (status != 200) {
            throw new TeamProfileClient.Unavailable("the priority service answered HTTP " + status);
        }
        return node;
    }

    /** What a person says about a paper for a team. */
    public enum Vote {
        UP("up", "👍"), DOWN("down", "👎"), NOT_RELEVANT("not-relevant", "not relevant to us");

        private final String wire;
        private final String label;

        Vote(String wire, String label) {
            this.wire = wire;
            this.label = label;
        }

        public String wire() {
            return wire;
        }

        public String label() {
            return label;
        }

        /** The vote named {@code up}, {@code down} or {@code not-relevant}; null for anything else. */
        public static Vote of(String wire) {
            for (Vote v : values()) {
                if (v.wire.equals(wire)) {
                    return v;
                }
            }
            return null;
        }
    }
}
