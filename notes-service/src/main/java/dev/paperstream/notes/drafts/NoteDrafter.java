package dev.paperstream.notes.drafts;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.store.NoteRepository;
import dev.paperstream.notes.notes.NoteValue;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.DraftTokenUsage;
import dev.paperstream.notes.store.NoteDraftEntity;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks a team's model for a draft of a paper's notes. The draft lands as suggestions (pre-filled, by
 * {@code draft:<model>}), which a person confirms or edits, so it never replaces a person's text. Tokens are
 * reserved from the team's daily budget before the call (prompt estimate plus the answer's bound) and settled to
 * the server's reported usage after it.
 */
@Startup
@ApplicationScoped
public class NoteDrafter {
    public static final String AUTHOR_PREFIX = "draft:";
    private static final Logger LOG = Logger.getLogger(NoteDrafter.class);
    /** Chars a token covers at the least for English text under common tokenizers, so the estimate is high. */
    private static final int CHARS_PER_TOKEN_LOW = 3;

    private final DraftsConfig config;
    private final ChatCompletionsApi api;
    private final DraftTokenUsage usage;
    private final NoteRepository notes;

    public NoteDrafter(DraftsConfig config, @RestClient ChatCompletionsApi api, DraftTokenUsage usage,
            NoteRepository notes) {
        DraftsSettings.check(config);
        this.config = config;
        this.api = api;
        this.usage = usage;
        this.notes = notes;
    }

    public Draft draft(StoredPaper paper, Optional<PaperParsed> parsed, DraftKind kind, String team,
            String requestedBy) {
        requireEnabled();
        String endpointName = config.endpointOf(team).orElseThrow(() -> new ProblemException(409, "Conflict",
                "team " + team + " has no drafting endpoint: set paperstream.drafts.teams.\"" + team
                        + "\".endpoint or paperstream.drafts.default-endpoint"));
        DraftsConfig.Endpoint endpoint = config.endpoints().get(endpointName);
        List<ChatRequest.Message> messages = DraftPrompt.messages(kind, paper, parsed);
        int promptChars = messages.stream().mapToInt(m -> m.content().length()).sum();
        long reserved = promptChars / CHARS_PER_TOKEN_LOW + endpoint.maxTokens();
        long budget = config.budgetOf(team);
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        if (!usage.reserve(team, day, reserved, budget)) {
            throw new ProblemException(429, "Too Many Requests", "team " + team + " has spent "
                    + usage.spent(team, day) + " of its " + budget + " tokens for " + day + " (UTC); this draft may"
                    + " need up to " + reserved + ". The budget renews at 00:00 UTC"
                    + " (paperstream.drafts.teams.\"" + team + "\".daily-token-budget)");
        }
        ChatCompletion answer;
        try {
            answer = api.complete(endpoint.baseUrl().toString(), endpoint.apiKey().map(k -> "Bearer " + k).orElse(null),
                    new ChatRequest(endpoint.model(), messages, endpoint.maxTokens(), 0.2,
                            new ChatRequest.ResponseFormat("json_object")));
        } catch (RuntimeException e) {
            usage.adjust(team, day, -reserved);
            throw unreachable(endpointName, e);
        }
        int promptTokens = answer.usage() == null ? promptChars / CHARS_PER_TOKEN_LOW : answer.usage().promptTokens();
        int completionTokens = answer.usage() == null ? endpoint.maxTokens() : answer.usage().completionTokens();
        long spentToday = usage.adjust(team, day, promptTokens + completionTokens - reserved);
        String model = answer.model() == null || answer.model().isBlank() ? endpoint.model() : answer.model();
        String content = answer.choices() == null || answer.choices().isEmpty() || answer.choices().get(0).message() == null
                ? null : answer.choices().get(0).message().content();
        Map<NoteField, String> fields;
        try {
            fields = DraftPrompt.fields(kind, content);
        } catch (DraftPrompt.UnusableAnswerException e) {
            record(paper.id(), kind, team, endpointName, model, 0, promptTokens, completionTokens,
                    NoteDraftEntity.UNUSABLE, requestedBy);
            throw new ProblemException(502, "Bad Gateway", "endpoint '" + endpointName + "' (" + model + "): "
                    + e.getMessage() + "; the tokens count against the budget");
        }
        Map<NoteField, NoteValue> before = notes.fields(paper.id());
        List<String> kept = new ArrayList<>();
        List<String> drafted = new ArrayList<>();
        for (NoteField f : fields.keySet()) {
            NoteValue current = before.get(f);
            (current != null && !current.prefilled() ? kept : drafted).add(f.path());
        }
        notes.prefill(paper.id(), fields, AUTHOR_PREFIX + model);
        record(paper.id(), kind, team, endpointName, model, drafted.size(), promptTokens, completionTokens,
                NoteDraftEntity.DRAFTED, requestedBy);
        return new Draft(paper.id(), kind.label(), team, endpointName, model, drafted, kept, promptTokens,
                completionTokens, spentToday, budget);
    }

    public void requireEnabled() {
        if (!config.enabled()) {
            throw new ProblemException(409, "Conflict", "LLM drafts are off: set paperstream.drafts.enabled=true"
                    + " and name an endpoint (see the notes-service README, \"LLM drafts\")");
        }
    }

    public long spentToday(String team) {
        return usage.spent(team, LocalDate.now(ZoneOffset.UTC));
    }

    private static ProblemException unreachable(String endpointName, RuntimeException e) {
        if (e instanceof CircuitBreakerOpenException) {
            return new ProblemException(503, "Service Unavailable", "endpoint '" + endpointName + "' failed on the"
                    + " last tries and is left alone for a minute; try again later");
        }
        LOG.warnf("drafting endpoint %s failed: %s", endpointName, e.toString());
        return new ProblemException(502, "Bad Gateway", "endpoint '" + endpointName + "' did not give a draft: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                + "; nothing was charged to the budget");
    }

    private static void record(String paperId, DraftKind kind, String team, String endpoint, String model, int fields,
            int promptTokens, int completionTokens, String outcome, String requestedBy) {
        QuarkusTransaction.requiringNew().run(() -> {
            NoteDraftEntity e = new NoteDraftEntity();
            e.paperId = paperId;
            e.kind = kind.label();
            e.team = team;
            e.endpoint = endpoint;
            e.model = model;
            e.fieldsDrafted = fields;
            e.promptTokens = promptTokens;
            e.completionTokens = completionTokens;
            e.outcome = outcome;
            e.requestedBy = requestedBy;
            e.persist();
        });
    }
}
