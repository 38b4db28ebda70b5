package dev.paperstream.notes.benchmarks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Topics;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import dev.paperstream.testkit.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One import of 2,000 HIGH attention-optimization papers: benchmark requests scale with the questions the
 * papers ask (three shapes here), not with the papers, and one answer shows on every paper that asked.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarkQuestionsTest {
    private static final int PAPERS = 2000;
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T00:00:00Z");
    private static final String CLAIMS_4096 = "We make attention 3x faster at sequence length 4096 with head dimension 128 in fp16.";
    private static final String CLAIMS_8K = "Tiled attention reaches a 2.5x speedup at N=8k in bf16.";
    private static final String NO_SHAPE = "A fused attention kernel for long inputs, 2x faster than the naive one.";
    private static final String KEY_4096 =
            "variants=naive,tiled;batch=1;heads=4;seqLens=4096;headDim=128;causal=false;dtype=fp16;device=auto";
    private static final String KEY_8K =
            "variants=naive,tiled;batch=1;heads=4;seqLens=8192;headDim=64;causal=false;dtype=bf16;device=auto";
    private static final String KEY_STANDARD =
            "variants=naive,tiled;batch=1;heads=4;seqLens=512,1024,2048;headDim=64;causal=false;dtype=fp32;device=auto";

    @Inject
    AgroalDataSource db;

    private static String id(int i) {
        return String.format("2612.3%04d", i);
    }

    private static String claims(int i) {
        return i % 4 == 0 ? CLAIMS_4096 : i % 4 == 1 ? CLAIMS_8K : NO_SHAPE;
    }

    private static void publishPaper(EventFeed feed, String id, String summary) {
        feed.publish(id, EventFeed.paper(id, 1, "Attention kernel " + id, summary, PUBLISHED));
        feed.publish(id, EventFeed.score(id, 1, "kernels", 9, PaperType.OPTIMIZATION));
    }

    private static String key(BenchmarkRequested r) {
        return new BenchmarkQuestion(r.variants(), r.batch(), r.heads(), r.seqLens(), r.headDim(), r.causal(), r.dtype(),
                r.device()).key();
    }

    /** Every benchmark.requested on the topic, read from the beginning until {@code until} holds, then 2 s more. */
    private static List<BenchmarkRequested> requests(Predicate<List<BenchmarkRequested>> until) {
        List<BenchmarkRequested> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = TestTopics.consumer(Topics.BENCHMARK_REQUESTED)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                TestTopics.poll(c).forEach(r -> {
                    assertThat(TestTopics.header(r, CloudEventHeaders.TYPE)).isEqualTo("paperstream.benchmark.requested.v1");
                    out.add(EventJson.read(r.value(), BenchmarkRequested.class));
                });
                return until.test(out);
            });
            c.poll(Duration.ofSeconds(2)).forEach(r -> out.add(EventJson.read(r.value(), BenchmarkRequested.class)));
        }
        return out;
    }

    private static BenchmarkCompleted answer(BenchmarkRequested r, String status, String failure) {
        List<BenchmarkCompleted.Result> results = BenchmarkCompleted.COMPLETED.equals(status)
                ? r.seqLens().stream().flatMap(n -> r.variants().stream().map(v -> new BenchmarkCompleted.Result(v, "cpu",
                        r.batch(), r.heads(), n, r.headDim(), false, r.dtype(), "naive".equals(v) ? 4.0 : 2.0, 1, 5, 0.1,
                        1, 1L << 20, 1e-6, true))).toList()
                : List.of();
        return new BenchmarkCompleted(r.jobId(), status, new BenchmarkCompleted.DeviceInfo("cpu", "Test CPU", null, null),
                results, r.paperId(), failure, null, Instant.now());
    }

    private long count(String sql, String... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, String key) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<String> benchmarkJobs(String paperId) {
        return given().get("/api/papers/" + paperId).then().statusCode(200).extract().jsonPath().getList("benchmarks.jobId");
    }

    @Test
    @Order(1)
    void twoThousandQualifyingPapersRequestOneBenchmarkPerQuestionAndOneAnswerShowsOnAllOfThem() throws Exception {
        try (EventFeed feed = new EventFeed()) {
            for (int i = 0; i < PAPERS; i++) {
                publishPaper(feed, id(i), claims(i));
            }
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("SELECT count(*) FROM paper_benchmark WHERE paper_id LIKE '2612.3%'") == PAPERS);

        List<BenchmarkRequested> all = requests(rs -> rs.stream().map(BenchmarkQuestionsTest::key).distinct()
                .filter(List.of(KEY_4096, KEY_8K, KEY_STANDARD)::contains).count() == 3);
        List<String> ours = IntStream.range(0, PAPERS).mapToObj(BenchmarkQuestionsTest::id).toList();
        // the standard question may have been asked first by a paper of another test: at most three are ours
        assertThat(all.stream().filter(r -> ours.contains(r.paperId()))).hasSizeBetween(2, 3);
        for (String key : List.of(KEY_4096, KEY_8K, KEY_STANDARD)) {
            assertThat(all).filteredOn(r -> key.equals(key(r))).as(key).hasSize(1);
        }
        assertThat(count("SELECT count(DISTINCT question_key) FROM paper_benchmark WHERE paper_id LIKE '2612.3%'"))
                .isEqualTo(3);

        BenchmarkRequested standard = all.stream().filter(r -> KEY_STANDARD.equals(key(r))).findFirst().orElseThrow();
        assertThat(standard.seqLens()).containsExactly(512, 1024, 2048);
        try (EventFeed feed = new EventFeed()) {
            feed.publish(standard.paperId(), answer(standard, BenchmarkCompleted.COMPLETED, null));
        }
        // every paper without a stated shape (half of them) shows the one result; the others do not
        await().atMost(Duration.ofSeconds(60)).until(() -> benchmarkJobs(id(2)).contains(standard.jobId()));
        List<String> withoutShape = ours.stream().filter(id -> Integer.parseInt(id.substring(6)) % 4 >= 2).toList();
        for (int i = 0; i < withoutShape.size(); i += 25) {
            String paper = withoutShape.get(i);
            JsonPath detail = given().get("/api/papers/" + paper).then().statusCode(200).extract().jsonPath();
            assertThat(detail.getList("benchmarks.jobId")).as(paper).containsExactly(standard.jobId());
            assertThat(detail.getList("benchmarks[0].results.seqLen")).hasSize(6);
        }
        assertThat(benchmarkJobs(id(0))).isEmpty();
        assertThat(benchmarkJobs(id(1))).isEmpty();
        given().queryParam("paperId", id(1999)).get("/api/benchmark-results").then().statusCode(200)
                .body("jobId", org.hamcrest.Matchers.contains(standard.jobId()));
        assertThat(count("""
                SELECT count(DISTINCT pb.paper_id) FROM paper_benchmark pb
                JOIN benchmark_question_job qj ON qj.question_key = pb.question_key
                JOIN benchmark_result r ON r.job_id = qj.job_id
                WHERE r.job_id = ? AND pb.paper_id LIKE '2612.3%'""", standard.jobId())).isEqualTo(withoutShape.size());
    }

    @Test
    @Order(2)
    void aQuestionIsAskedAgainOnlyAfterItsWindowOrAfterARefusalsRetryDelay() throws Exception {
        List<BenchmarkRequested> before = requests(rs -> rs.stream().anyMatch(r -> KEY_8K.equals(key(r))));
        BenchmarkRequested eightK = before.stream().filter(r -> KEY_8K.equals(key(r))).findFirst().orElseThrow();
        BenchmarkRequested old4096 = before.stream().filter(r -> KEY_4096.equals(key(r))).findFirst().orElseThrow();
        try (EventFeed feed = new EventFeed()) {
            feed.publish(eightK.paperId(), answer(eightK, "REJECTED", "the cpu budget of 24 jobs a day is used up"));
        }
        // the refusal and its reason show on every paper that asked
        await().atMost(Duration.ofSeconds(60)).until(() -> benchmarkJobs(id(1)).contains(eightK.jobId()));
        given().get("/api/papers/" + id(1997)).then().statusCode(200)
                .body("benchmarks[0].status", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("benchmarks[0].failure", org.hamcrest.Matchers.containsString("budget"));

        update("UPDATE benchmark_question SET requested_at = now() - interval '8 days' WHERE question_key = ?", KEY_4096);
        try (EventFeed feed = new EventFeed()) {
            publishPaper(feed, "2612.39001", CLAIMS_4096);
            publishPaper(feed, "2612.39002", CLAIMS_8K);
        }
        List<BenchmarkRequested> after = requests(rs -> rs.stream().anyMatch(r -> "2612.39001".equals(r.paperId())));
        // the 4096 question was older than the window: asked again; the 8k one was refused a moment ago: not yet
        assertThat(after).filteredOn(r -> KEY_4096.equals(key(r))).extracting(BenchmarkRequested::jobId)
                .hasSize(2).contains(old4096.jobId());
        await().atMost(Duration.ofSeconds(60)).until(() -> benchmarkJobs("2612.39002").contains(eightK.jobId()));
        assertThat(after).filteredOn(r -> KEY_8K.equals(key(r))).hasSize(1);

        update("UPDATE benchmark_question SET answered_at = now() - interval '25 hours' WHERE question_key = ?", KEY_8K);
        try (EventFeed feed = new EventFeed()) {
            publishPaper(feed, "2612.39003", CLAIMS_8K);
        }
        List<BenchmarkRequested> retried = requests(rs -> rs.stream().anyMatch(r -> "2612.39003".equals(r.paperId())));
        assertThat(retried).filteredOn(r -> KEY_8K.equals(key(r))).hasSize(2);
    }

    @Test
    @Order(3)
    void onlyAttentionPapersScoredHighAsOptimizationAskAQuestion() throws Exception {
        try (EventFeed feed = new EventFeed()) {
            feed.publish("2612.39101", EventFeed.paper("2612.39101", 1, "Attention architectures", CLAIMS_4096, PUBLISHED));
            feed.publish("2612.39101", EventFeed.score("2612.39101", 1, "kernels", 9, PaperType.ARCHITECTURE));
            feed.publish("2612.39102", EventFeed.paper("2612.39102", 1, "Faster convolutions", "3x faster at N=4k.", PUBLISHED));
            feed.publish("2612.39102", EventFeed.score("2612.39102", 1, "kernels", 9, PaperType.OPTIMIZATION));
            feed.publish("2612.39103", EventFeed.score("2612.39103", 1, "kernels", 5, PaperType.OPTIMIZATION));
            feed.publish("2612.39103", EventFeed.paper("2612.39103", 1, "Medium attention", CLAIMS_4096, PUBLISHED));
            // the score first, then the paper: whichever fact comes last asks the question
            feed.publish("2612.39104", EventFeed.score("2612.39104", 1, "kernels", 9, PaperType.OPTIMIZATION));
            feed.publish("2612.39104", EventFeed.paper("2612.39104", 1, "Marker attention", CLAIMS_4096, PUBLISHED));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM paper_benchmark WHERE paper_id = '2612.39104'") == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/papers/2612.39103").statusCode() == 200
                && given().get("/api/papers/2612.39101").statusCode() == 200
                && given().get("/api/papers/2612.39102").statusCode() == 200);
        assertThat(count("SELECT count(*) FROM paper_benchmark WHERE paper_id IN ('2612.39101', '2612.39102', '2612.39103')"))
                .isZero();
    }
}
