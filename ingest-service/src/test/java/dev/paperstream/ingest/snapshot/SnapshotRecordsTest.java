package dev.paperstream.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotRecordsTest {

    static List<String> lines() throws IOException {
        try (InputStream in = SnapshotRecordsTest.class.getResourceAsStream("/snapshot/four-lines.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void aRecordBecomesItsLatestVersionWithTheFirstVersionsDateAsPublished() throws IOException {
        PaperDiscovered p = SnapshotRecords.parse(lines().get(0));

        assertThat(p.versionedId()).isEqualTo("2511.00501v2");
        assertThat(p.title()).isEqualTo("Snapshot Paper on Blockwise Softmax");
        assertThat(p.summary()).isEqualTo("We compute softmax block by block.");
        assertThat(p.authors()).containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(p.categories()).containsExactly("cs.LG", "stat.ML");
        assertThat(p.published()).isEqualTo(Instant.parse("2025-11-03T10:00:00Z"));
        assertThat(p.updated()).isEqualTo(Instant.parse("2025-11-12T09:30:00Z"));
        assertThat(p.links().code()).containsExactly("https://github.com/paperstream-fixtures/blockwise");
        assertThat(p.source()).isEqualTo(PaperSource.SNAPSHOT);

        PaperDiscovered old = SnapshotRecords.parse(lines().get(1));
        assertThat(old.versionedId()).isEqualTo("math/0309136v1");
        assertThat(old.doi()).isEqualTo("10.1234/fixture.snap");
        assertThat(old.updated()).isNull();
    }

    @Test
    void brokenLinesSayWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> SnapshotRecords.parse(lines().get(2))).hasMessage("no versions");
        assertThatThrownBy(() -> SnapshotRecords.parse(lines().get(3))).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> SnapshotRecords.parse("[1, 2]")).hasMessage("not a JSON object");
    }
}
