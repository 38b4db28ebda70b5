package dev.paperstream.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.ingest.feed.RealData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of the real snapshot sample in ../shared/realdata/F-*, against the JSON fields themselves. */
class SnapshotRealDataConformanceTest {
    static Stream<Path> snapshots() {
        return Stream.concat(RealData.files("F-kaggle-metadata-snapshot", ".jsonl").stream(), Stream.empty());
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void everyRecordParsesWithItsIdVersionTitleAuthorsAndCategories(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(100);
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            PaperDiscovered p = SnapshotRecords.parse(line);
            assertThat(p.id()).isEqualTo(n.get("id").asText());
            assertThat(p.version()).isEqualTo(n.get("versions").size());
            assertThat(p.title()).isEqualTo(n.get("title").asText().replaceAll("\\s+", " ").trim());
            assertThat(p.authors()).hasSize(n.get("authors_parsed").size());
            assertThat(p.categories()).containsExactly(n.get("categories").asText().trim().split("\\s+"));
        }
    }
}
