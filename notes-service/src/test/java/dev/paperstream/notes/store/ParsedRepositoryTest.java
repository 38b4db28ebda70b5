package dev.paperstream.notes.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ParsedRepositoryTest {
    @Inject
    ParsedRepository parsed;

    @Test
    void anOlderParsedVersionNeverReplacesANewerOneButTheSameVersionIsReparsed() {
        String id = "2611.40001";
        assertThat(parsed.upsert(version(id, 2, "Algorithm 2"))).isTrue();
        assertThat(parsed.upsert(version(id, 1, "Algorithm 1"))).isFalse();
        assertThat(parsed.find(id)).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.algorithms()).extracting(PaperParsed.AlgorithmBlock::label).containsExactly("Algorithm 2");
            assertThat(p.codeLinks()).containsExactly("https://github.com/example/tiled");
        });
        assertThat(parsed.upsert(version(id, 2, "Algorithm 2b"))).isTrue();
        assertThat(parsed.find(id).orElseThrow().algorithms().get(0).label()).isEqualTo("Algorithm 2b");
        assertThat(parsed.find("2611.40002")).isEmpty();
    }

    private static PaperParsed version(String id, int version, String algorithm) {
        return new PaperParsed(id, version, "embedded", List.of(new PaperParsed.Section("1 Intro", "Tiles.")),
                List.of(), List.of(), List.of(new PaperParsed.AlgorithmBlock(algorithm, "for each tile")), 3,
                List.of("https://github.com/example/tiled"), false, true);
    }
}
