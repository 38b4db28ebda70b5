package dev.paperstream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The priority of one paper version for one team. {@code citations} is null when no citation
 * provider could be reached ("unknown", never a silent zero). {@code reasons} holds one line per
 * factor of the scoring rule, with its input and its contribution.
 */
public record PaperScored(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String team,
        @JsonProperty(required = true) int score,
        @JsonProperty(required = true) Priority priority,
        @JsonProperty(required = true) PaperType paperType,
        @JsonProperty(required = true) int relevance,
        @JsonProperty(required = true) boolean hasCode,
        Integer citations,
        @JsonProperty(required = true) double monthsSincePublication,
        @JsonProperty(required = true) List<String> reasons,
        @JsonProperty(required = true) Instant scoredAt) {

    public PaperScored {
        Required.check(id, "id");
        Required.check(team, "team");
        Required.check(priority, "priority");
        Required.check(paperType, "paperType");
        Required.check(reasons, "reasons");
        Required.check(scoredAt, "scoredAt");
        reasons = List.copyOf(reasons);
    }
}
