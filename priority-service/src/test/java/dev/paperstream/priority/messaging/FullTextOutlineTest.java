package dev.paperstream.priority.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperParsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullTextOutlineTest {

    @Test
    void theOutlineHoldsHeadingsAlgorithmLabelsAndCaptionsButNoBodyText() {
        PaperParsed parsed = new PaperParsed("2611.00001", 1, "grobid 0.8.0",
                List.of(new PaperParsed.Section("1 Introduction", "long body text that should not be read"),
                        new PaperParsed.Section("3 Kernel fusion", "more body")),
                List.of("Figure 1: Speedup over the baseline"), List.of("Table 2: Memory use"),
                List.of(new PaperParsed.AlgorithmBlock("Algorithm 1", "for each block ...")), 12, List.of(), false, true);

        String outline = PaperParsedConsumer.outline(parsed);

        assertThat(outline).contains("1 Introduction", "3 Kernel fusion", "Algorithm 1",
                "Figure 1: Speedup over the baseline", "Table 2: Memory use");
        assertThat(outline).doesNotContain("body");
    }

    @Test
    void aHugeOutlineIsCapped() {
        List<PaperParsed.Section> sections = java.util.stream.IntStream.range(0, 5000)
                .mapToObj(i -> new PaperParsed.Section("Section " + i, "")).toList();
        PaperParsed parsed = new PaperParsed("2611.00002", 1, "embedded", sections, null, null, null, 0, null, false, false);
        assertThat(PaperParsedConsumer.outline(parsed)).hasSizeLessThanOrEqualTo(8_000).startsWith("Section 0. ");
    }
}
