package dev.paperstream.notes.drafts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * LLM-drafted notes, off by default. Endpoints are named here, with their keys, so that secrets stay in the
 * deployment's configuration; each team picks one and gets a daily token budget.
 */
@ConfigMapping(prefix = "paperstream.drafts")
public interface DraftsConfig {
    int MAX_DAILY_BUDGET = 10_000_000;
    int MAX_TOKENS_CEILING = 8_000;

    /** Nothing is ever sent to a model while this is false. */
    @WithDefault("false")
    boolean enabled();

    /** OpenAI-compatible endpoints by name: a team's own vLLM or Ollama, or a provider. */
    Map<String, Endpoint> endpoints();

    /** The endpoint of a team that does not name its own. */
    Optional<String> defaultEndpoint();

    /** Tokens (prompt and answer) a team may spend a UTC day, unless it sets its own; 1 to 10,000,000. */
    @WithDefault("50000")
    int defaultDailyTokenBudget();

    /** Per team (by name): its endpoint and budget. */
    Map<String, TeamDrafting> teams();

    interface Endpoint {
        /** Up to the version path, e.g. {@code http://vllm:8000/v1}; {@code /chat/completions} is appended. */
        URI baseUrl();

        String model();

        /** Sent as a bearer token when set (providers need one; a local vLLM or Ollama usually not). */
        Optional<String> apiKey();

        /** The answer's bound ({@code max_tokens}), 100 to 8,000. */
        @WithDefault("800")
        int maxTokens();
    }

    interface TeamDrafting {
        Optional<String> endpoint();

        Optional<Integer> dailyTokenBudget();
    }

    /** The team's endpoint name and budget, after the defaults. */
    default Optional<String> endpointOf(String team) {
        return Optional.ofNullable(teams().get(team)).flatMap(TeamDrafting::endpoint).or(this::defaultEndpoint);
    }

    default int budgetOf(String team) {
        return Optional.ofNullable(teams().get(team)).flatMap(TeamDrafting::dailyTokenBudget)
                .orElse(defaultDailyTokenBudget());
    }
}
