package dev.paperstream.notes.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefillTest {
    private static final String ABSTRACT = "Transformers are slow and memory-hungry on long sequences. "
            + "We argue that a missing principle is making attention IO-aware. "
            + "We propose FlashAttention, an IO-aware exact attention algorithm that uses tiling. "
            + "FlashAttention trains GPT-2 3x faster than the baseline.";

    @Test
    void passOneComesFromTheAbstract() {
        PaperDiscovered paper = EventFeed.paper("2205.14135", 1, "FlashAttention", ABSTRACT,
                Instant.parse("2022-05-27T00:00:00Z"));
        Map<NoteField, String> notes = Prefill.fromMetadata(paper.summary(), paper.links().code());

        assertThat(notes.get(NoteField.PROBLEM)).isEqualTo("Transformers are slow and memory-hungry on long sequences.");
        assertThat(notes.get(NoteField.CONTRIBUTION)).startsWith("We propose FlashAttention");
        assertThat(notes.get(NoteField.PERFORMANCE)).contains("3x faster");
        assertThat(notes.get(NoteField.CODE_REPOSITORY)).isEqualTo("https://github.com/example/2205.14135");
    }

    @Test
    void theBestTeamScoreDecidesWhetherToReadDeeply() {
        Map<NoteField, String> notes = Prefill.fromScores(List.of(
                EventFeed.score("2205.14135", 1, "nlp", 3, PaperType.OPTIMIZATION),
                EventFeed.score("2205.14135", 1, "systems", 9, PaperType.OPTIMIZATION)));

        assertThat(notes.get(NoteField.WORTH_DEEP_READ)).startsWith("Yes: HIGH for team systems (score 9");
    }

    @Test
    void passesTwoAndThreeComeFromTheParsedText() {
        PaperParsed parsed = new PaperParsed("2205.14135", 1, "grobid 0.8.0", List.of(
                new PaperParsed.Section("1 Introduction", "Attention is quadratic."),
                new PaperParsed.Section("3 FlashAttention: Algorithm", "We tile with block size 128 on an A100 GPU."),
                new PaperParsed.Section("4 Experiments", "We are 7.6x faster on the attention computation."),
                new PaperParsed.Section("Limitations", "Our kernels must be written in CUDA. They do not port.")),
                List.of(), List.of(), List.of(new PaperParsed.AlgorithmBlock("Algorithm 1", "FlashAttention\nRequire: Q, K, V")),
                42, List.of("https://github.com/Dao-AILab/flash-attention"), true, false);
        List<NumericClaim> claims = ClaimExtractor.extract("We are 7.6x faster on the attention computation.");

        Map<NoteField, String> notes = Prefill.fromParsed(parsed, claims);

        assertThat(notes.get(NoteField.METHODOLOGY)).isEqualTo("- 3 FlashAttention: Algorithm\n- 4 Experiments\n- Limitations");
        assertThat(notes.get(NoteField.RESULTS)).contains("7.6x faster");
        assertThat(notes.get(NoteField.ALGORITHMS)).isEqualTo("- Algorithm 1: FlashAttention");
        assertThat(notes.get(NoteField.SPEC_ALGORITHM)).startsWith("Algorithm 1\nFlashAttention");
        assertThat(notes.get(NoteField.CODE_REPOSITORY)).contains("Dao-AILab/flash-attention");
        assertThat(notes.get(NoteField.SPEC_HYPERPARAMETERS)).contains("block size 128");
        assertThat(notes.get(NoteField.SPEC_COMPUTE)).contains("A100");
        assertThat(notes.get(NoteField.SPEC_FAILURE_MODES)).isEqualTo("Our kernels must be written in CUDA. They do not port.");
    }
}
