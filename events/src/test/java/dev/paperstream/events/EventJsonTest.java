package dev.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private final Random random = new Random();

    private PaperDiscovered discovered() {
        String id = (2300 + random.nextInt(99)) + "." + String.format("%05d", random.nextInt(100_000));
        Instant published = Instant.now().minus(random.nextInt(1000), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return new PaperDiscovered(id, 1 + random.nextInt(4), "Title " + UUID.randomUUID(),
                List.of("Ada Lovelace", "Émile Borel"), "An abstract with \"quotes\" and ünïcödé " + random.nextLong(),
                List.of("cs.LG", "stat.ML"), "cs.LG", published, published.plusSeconds(3600), "12 pages",
                null, "10.1000/xyz" + random.nextInt(), new PaperLinks("https://arxiv.org/abs/" + id,
                        "https://arxiv.org/pdf/" + id, List.of("https://github.com/org/repo")),
                PaperSource.API);
    }

    @Test
    void everyEventSurvivesARoundTripThroughJson() {
        PaperDiscovered d = discovered();
        PaperScored s = new PaperScored(d.id(), d.version(), "ml-systems", 9, Priority.HIGH, PaperType.OPTIMIZATION,
                5, true, null, 0.4, List.of("code: +3", "citations: unknown: +0"), Instant.now());
        PaperParsed p = new PaperParsed(d.id(), d.version(), "grobid 0.8.0",
                List.of(new PaperParsed.Section("1 Introduction", "text")), List.of("Figure 1: x"), List.of(),
                List.of(new PaperParsed.AlgorithmBlock("Algorithm 1", "for i ...")), 42, List.of(), true, false);
        BenchmarkRequested r = new BenchmarkRequested(UUID.randomUUID().toString(), List.of("naive", "tiled"), 1, 8,
                List.of(512, 1024), 64, true, "fp32", "auto", d.id());
        BenchmarkCompleted c = new BenchmarkCompleted(r.jobId(), BenchmarkCompleted.COMPLETED,
                new BenchmarkCompleted.DeviceInfo("cpu", "Intel Xeon", null, null),
                List.of(new BenchmarkCompleted.Result("tiled", "cpu", 1, 8, 512, 64, true, "fp32", 1.5, 1.4, 1.9,
                        0.06, 12.5, 1 << 20, 3e-6, true)),
                d.id(), null, "CUDA presets not loadable: no driver", Instant.now());

        for (Object event : List.of(d, s, p, r, c)) {
            String json = EventJson.write(event);
            assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void aBenchmarkResultWithoutKernelBuildFromAnOlderProducerStillReads() {
        String older = """
                {"jobId":"j-1","status":"COMPLETED","device":{"kind":"cuda","name":"NVIDIA H200"},"results":[],
                 "completedAt":"2026-11-01T02:00:00Z"}""";
        BenchmarkCompleted read = EventJson.read(older, BenchmarkCompleted.class);
        assertThat(read.kernelBuild()).isNull();
        assertThat(EventJson.write(read)).doesNotContain("kernelBuild");

        BenchmarkCompleted built = new BenchmarkCompleted("j-2", BenchmarkCompleted.COMPLETED, read.device(), List.of(),
                null, null, null, read.completedAt(), "1.0.0+3f9a1c2b7d40+flash");
        assertThat(EventJson.write(built)).contains("\"kernelBuild\":\"1.0.0+3f9a1c2b7d40+flash\"");
        assertThat(EventJson.read(EventJson.write(built), BenchmarkCompleted.class)).isEqualTo(built);
    }

    @Test
    void jsonUsesTheContractsFieldNames() {
        PaperDiscovered d = discovered();
        String json = EventJson.write(d);
        assertThat(json).contains("\"abstract\":").contains("\"primaryCategory\":\"cs.LG\"")
                .contains("\"source\":\"api\"").contains("\"published\":\"" + d.published() + "\"")
                .doesNotContain("\"summary\"").doesNotContain("\"journalRef\"");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        PaperDiscovered d = discovered();
        String json = EventJson.write(d);
        String newer = "{\"addedInV2\":{\"nested\":[1,2,3]}," + json.substring(1, json.length() - 1) + ",\"alsoNew\":true}";
        assertThat(EventJson.read(newer, PaperDiscovered.class)).isEqualTo(d);
    }

    @Test
    void aMissingRequiredFieldIsAnErrorThatNamesTheField() {
        String json = EventJson.write(discovered()).replaceFirst("\"title\":\"[^\"]*\",", "");
        assertThatThrownBy(() -> EventJson.read(json, PaperDiscovered.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("PaperDiscovered")
                .hasMessageContaining("title");
    }

    @Test
    void aNullRequiredFieldIsRejectedToo() {
        String json = EventJson.write(discovered()).replaceFirst("\"primaryCategory\":\"cs.LG\"", "\"primaryCategory\":null");
        assertThatThrownBy(() -> EventJson.read(json, PaperDiscovered.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("primaryCategory");
    }

    @Test
    void anUnknownEnumValueIsRejected() {
        String json = EventJson.write(discovered()).replace("\"source\":\"api\"", "\"source\":\"carrier-pigeon\"");
        assertThatThrownBy(() -> EventJson.read(json, PaperDiscovered.class)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void notJsonAtAllIsAnInvalidEvent() {
        assertThatThrownBy(() -> EventJson.read("<xml/>", PaperScored.class)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void everyEventTypeIsVersionedInThePastTenseAndMapsToItsTopic() {
        for (EventType type : EventType.values()) {
            assertThat(type.ceType()).startsWith("paperstream.").matches(".*ed\\.v\\d+$");
            assertThat(type.ceType()).contains(type.topic());
            assertThat(EventType.ofCeType(type.ceType())).contains(type);
        }
        assertThat(EventType.ofCeType("paperstream.paper.discovered.v0")).isEmpty();
    }

    @Test
    void theSeedThresholdsDecideThePriority() {
        assertThat(Priority.ofScore(9)).isEqualTo(Priority.HIGH);
        assertThat(Priority.ofScore(7)).isEqualTo(Priority.HIGH);
        assertThat(Priority.ofScore(6)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.ofScore(4)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.ofScore(3)).isEqualTo(Priority.LOW);
        assertThat(Priority.HIGH.isAtLeast(Priority.MEDIUM)).isTrue();
        assertThat(Priority.LOW.isAtLeast(Priority.MEDIUM)).isFalse();
    }
}
