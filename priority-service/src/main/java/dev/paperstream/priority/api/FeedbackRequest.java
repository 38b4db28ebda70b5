package dev.paperstream.priority.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A thumbs up or down of a team on a paper. */
public record FeedbackRequest(
        @NotNull @UnversionedArxivId String paperId,
        @NotNull @Pattern(regexp = "up|down", message = "must be 'up' or 'down'") String vote) {
}
