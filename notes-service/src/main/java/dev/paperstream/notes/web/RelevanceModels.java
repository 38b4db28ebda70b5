package dev.paperstream.notes.web;

import dev.paperstream.notes.teams.FeedbackClient;
import dev.paperstream.notes.teams.RelevanceModelView;
import dev.paperstream.notes.teams.TeamProfileClient;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The team page's relevance-model section ({@code inject:relevanceModels} in the template): what the priority
 * service says of the team's model, or why it cannot be shown now; the page itself does not fail.
 */
@Named("relevanceModels")
@RequestScoped
public class RelevanceModels {
    static final int CHART_WIDTH = 480;
    static final int CHART_HEIGHT = 120;

    private final FeedbackClient client;
    private final SecurityIdentity identity;

    public RelevanceModels(FeedbackClient client, SecurityIdentity identity) {
        this.client = client;
        this.identity = identity;
    }

    /**
     * The model, or null with {@code message} saying why not; {@code aucPoints} and {@code aucWithEmbeddingsPoints}:
     * the SVG polylines of the held-out AUCs on TF-IDF alone and with embeddings.
     */
    public record Section(RelevanceModelView model, String message, String aucPoints, String aucWithEmbeddingsPoints) {
        public int width() {
            return CHART_WIDTH;
        }

        public int height() {
            return CHART_HEIGHT;
        }

        /** Where AUC 0 is drawn. */
        public int baseline() {
            return CHART_HEIGHT - 10;
        }
    }

    public Section of(String team) {
        try {
            RelevanceModelView model = client.model(team, CallerToken.of(identity));
            return new Section(model, null, points(model.history(), RelevanceModelView.Retraining::heldOutAuc),
                    points(model.history(), RelevanceModelView.Retraining::heldOutAucWithEmbeddings));
        } catch (TeamProfileClient.Rejected e) {
            return new Section(null, e.status() == 404 ? "No profile stored yet, so no model either."
                    : "The priority service refused: " + e.getMessage(), "", "");
        } catch (TeamProfileClient.Unavailable e) {
            return new Section(null, "The relevance model cannot be shown now: " + e.getMessage(), "", "");
        }
    }

    /**
     * AUC 0..1 bottom to top, retrainings left to right evenly spaced (the table gives the dates); a retraining
     * without this AUC is skipped but keeps its place, so both lines share the x-axis.
     */
    static String points(List<RelevanceModelView.Retraining> history,
            Function<RelevanceModelView.Retraining, Double> auc) {
        StringBuilder s = new StringBuilder();
        int n = history.size();
        for (int i = 0; i < n; i++) {
            Double value = auc.apply(history.get(i));
            if (value == null) {
                continue;
            }
            double x = n == 1 ? CHART_WIDTH / 2.0 : 10 + i * (CHART_WIDTH - 20.0) / (n - 1);
            double y = 10 + (1 - value) * (CHART_HEIGHT - 20);
            s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return s.toString();
    }
}
