package dev.paperstream.priority.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person's correction of a paper: its type (for every team) and/or its relevance to {@code team}, and why.
 * {@code paperType} is a string so that an unknown type is answered with the allowed ones.
 */
public record CorrectionRequest(
        String team,
        String paperType,
        @Min(value = 1, message = "relevance must be 1..5") @Max(value = 5, message = "relevance must be 1..5")
        Integer relevance,
        @NotBlank(message = "a reason is needed: it is shown with the corrected score")
        @Size(max = CorrectionRequest.MAX_REASON, message = "the reason is over {max} characters") String reason) {
    public static final int MAX_REASON = 500;
}
