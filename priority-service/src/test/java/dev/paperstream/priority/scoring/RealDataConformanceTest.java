package dev.paperstream.priority.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.Priority;
import dev.paperstream.priority.citations.CitationCount;
import dev.paperstream.priority.classify.LearnedTypeClassifier;
import dev.paperstream.priority.relevance.HeldOutFeedback;
import dev.paperstream.priority.relevance.ProfileRelevance;
import dev.paperstream.priority.relevance.WeightedTerm;
import dev.paperstream.priority.text.PaperText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scores the real arXiv metadata snapshot records in ../shared/realdata (when present) as the default
 * team would: every record gets four explained factors, and none of these 2007 physics and maths
 * papers is HIGH for a team that cares about attention kernels.
 */
class RealDataConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> snapshotRecords() throws IOException {
        String dir = System.getProperty("paperstream.realdata.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "F-kaggle-metadata-snapshot")),
                "real data folder not present");
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir, "F-kaggle-metadata-snapshot"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        out.add(JSON.readTree(line));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everySnapshotRecordIsScoredWithFourExplainedFactorsAndNoneIsHigh() throws IOException {
        List<JsonNode> records = snapshotRecords();
        assertThat(records).hasSizeGreaterThanOrEqualTo(100);
        PaperScorer scorer = new PaperScorer(LearnedTypeClassifier.fromCommittedSet());
        ProfileRelevance keywords = new ProfileRelevance(
                HeldOutFeedback.DEFAULT_KEYWORDS.stream().map(k -> new WeightedTerm(k, 1)).toList());
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        for (JsonNode r : records) {
            Instant v1 = ZonedDateTime.parse(r.get("versions").get(0).get("created").asText(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            PaperText paper = new PaperText(r.get("title").asText(), r.get("abstract").asText(),
                    r.path("comments").isNull() ? null : r.path("comments").asText(),
                    Arrays.asList(r.get("categories").asText().split(" ")), v1, List.of(), List.of());
            Scoring s = scorer.score(paper, keywords, CitationCount.unknown("offline"), Overrides.NONE, now);
            assertThat(s.factors()).as(r.get("id").asText()).hasSize(4);
            assertThat(s.relevance()).isBetween(1, 5);
            assertThat(s.monthsSincePublication()).isGreaterThan(200);
            assertThat(s.priority()).as(r.get("id").asText() + " " + s.reasons()).isNotEqualTo(Priority.HIGH);
        }
    }
}
