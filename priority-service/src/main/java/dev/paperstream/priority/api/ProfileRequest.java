package dev.paperstream.priority.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A team profile as edited: categories, weighted terms (-5..5, not 0), seed papers by arXiv id. */
public record ProfileRequest(
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> categories,
        @Size(max = 200) List<@NotNull @Valid Term> terms,
        @Size(max = 200) List<@NotNull @UnversionedArxivId String> seedPapers,
        Boolean matchAll) {

    public record Term(
            @NotBlank @Size(max = 80) String term,
            @NotNull @DecimalMin("-5") @DecimalMax("5") Double weight) {
    }
}
