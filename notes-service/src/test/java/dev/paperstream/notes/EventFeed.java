package dev.paperstream.notes;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperSource;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.testkit.TestTopics;
import java.time.Instant;
import java.util.List;

/** Events the other services would publish, and the test broker to publish them to. */
public final class EventFeed implements AutoCloseable {
    private final TestTopics.Publisher publisher = new TestTopics.Publisher(TestTopics.bootstrapServers());

    /** Publishes the payload with a fresh ce_id and returns that id. */
    public String publish(String key, Object payload) {
        return publisher.publish(key, payload);
    }

    /** Publishes with the given ce_id: the same id again is a redelivery. */
    public String publish(String eventId, String key, Object payload) {
        return publisher.publish(eventId, key, payload);
    }

    /** Publishes a body as given, for bodies that are broken on purpose. */
    public String publishRaw(String eventId, EventType type, String key, String json) {
        return publisher.publish(type.topic(), key, json, eventId, type.ceType());
    }

    /** Publishes version 1 of a paper and its score for one team. */
    public void scoredPaper(String id, String title, Instant published, String team, int score, PaperType type) {
        publish(id, paper(id, 1, title, "An abstract.", published));
        publish(id, score(id, 1, team, score, type));
    }

    @Override
    public void close() {
        publisher.close();
    }

    public static PaperDiscovered paper(String id, int version, String title, String summary, Instant published) {
        return new PaperDiscovered(id, version, title, List.of("Ada Lovelace", "Alan Turing"), summary,
                List.of("cs.LG", "cs.AI"), "cs.LG", published, published.plusSeconds(86_400L * (version - 1)),
                "12 pages", null, null,
                new PaperLinks("https://arxiv.org/abs/" + id + "v" + version,
                        "https://arxiv.org/pdf/" + id + "v" + version, List.of("https://github.com/example/" + id)),
                PaperSource.API);
    }

    public static PaperScored score(String id, int version, String team, int score, PaperType type) {
        return new PaperScored(id, version, team, score, Priority.ofScore(score), type, 3, true, 120, 4.0,
                List.of("type " + type + ": +2", "relevance 3/5: +3"), Instant.parse("2026-11-20T10:00:00Z"));
    }

    public static BenchmarkCompleted benchmark(String jobId, String paperId, Instant completedAt) {
        return new BenchmarkCompleted(jobId, BenchmarkCompleted.COMPLETED,
                new BenchmarkCompleted.DeviceInfo("cpu", "Test CPU", null, null),
                List.of(new BenchmarkCompleted.Result("naive", "cpu", 1, 2, 256, 64, false, "fp32", 3.5, 3.1, 4.2,
                        0.01, 1.5, 1_048_576L, 1.0e-6, true)),
                paperId, null, null, completedAt);
    }
}
