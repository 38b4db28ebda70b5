package dev.paperstream.priority.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A person's thumbs up, thumbs down or "not relevant to us" for a team on a paper. */
public record FeedbackRequest(
        @NotNull @UnversionedArxivId String paperId,
        @NotNull @Pattern(regexp = "up|down|not-relevant", message = "must be 'up', 'down' or 'not-relevant'") String vote) {
}
