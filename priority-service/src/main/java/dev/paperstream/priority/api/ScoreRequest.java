package dev.paperstream.priority.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A paper to explain, with optional overrides of any factor. {@code paperType} is a string so that an
 * unknown type is answered with a problem that names the allowed ones.
 */
public record ScoreRequest(
        @Size(max = 1_000) String title,
        @JsonProperty("abstract") @Size(max = 10_000, message = "(the abstract) size must be between {min} and {max}")
        String summary,
        @Size(max = 2_000) String comment,
        @Size(max = 20) List<@Size(max = 40) String> categories,
        Instant published,
        @Valid Links links,
        @Size(max = 100) String team,
        @Size(max = 20) String paperType,
        @PositiveOrZero Integer citations,
        @PositiveOrZero Double monthsSincePublication,
        Boolean hasCode,
        @Min(1) @Max(5) Integer relevance) {

    public record Links(@Size(max = 500) String abs, @Size(max = 500) String pdf,
            @Size(max = 50) List<@Size(max = 500) String> code) {
    }
}
