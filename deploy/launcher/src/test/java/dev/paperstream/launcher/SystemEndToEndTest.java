package dev.paperstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged services as four processes against one real KRaft broker and one real PostgreSQL:
 * imports go in at ingest, and everything is checked where a user sees it, in the notes API.
 * Notes is killed in the middle and restarted: nothing may be lost or duplicated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemEndToEndTest {
    private static final String TEAM = "default";
    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();

    private LocalSystem system;
    private ApiClient api;
    private String token;

    @BeforeAll
    void startTheWholeSystem() {
        Map<Service, Integer> ports = new HashMap<>();
        for (Service s : Service.values()) {
            ports.put(s, dev.paperstream.embedded.FreePorts.find());
        }
        token = SystemSettings.generateToken();
        system = new LocalSystem(SystemSettings.ephemeral(ROOT, Path.of("target/e2e").toAbsolutePath(), ports, token),
                Map.of("PAPERSTREAM_ARXIV_API_URL", "http://127.0.0.1:9/unreachable"));
        system.startInfrastructure();
        system.startServices(Duration.ofMinutes(4));
        api = new ApiClient(token);
    }

    @AfterAll
    void stopEverything() {
        if (system != null) {
            for (Service s : Service.values()) {
                ServiceProcess p = system.process(s);
                if (p != null) {
                    System.out.println("---- last lines of " + s.module() + " ----\n" + p.logTail(15));
                }
            }
            system.close();
        }
    }

    @Test
    void importedPapersArriveScoredOnceEvenWhenNotesIsKilledInTheMiddle() throws Exception {
        Map<String, AtomEntries.Entry> expected = new LinkedHashMap<>();

        String sample = SampleFeed.render(Instant.now());
        JsonNode first = importAtom(sample);
        assertThat(first.path("accepted").asInt() + first.path("duplicates").asInt()).isEqualTo(10);
        assertThat(first.path("rejected")).isEmpty();
        remember(expected, AtomEntries.parse(sample.getBytes()));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> scoredIds().keySet().containsAll(expected.keySet()));

        system.process(Service.NOTES).kill();

        JsonNode again = importAtom(sample);
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(10);

        String fresh = randomFeed(new Random(), 6);
        assertThat(importAtom(fresh).path("accepted").asInt()).isEqualTo(6);
        remember(expected, AtomEntries.parse(fresh.getBytes()));
        for (Path page : realArxivPages()) {
            byte[] bytes = Files.readAllBytes(page);
            AtomEntries entries = AtomEntries.parse(bytes);
            JsonNode answer = importAtom(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(answer.path("rejected")).as(page.getFileName().toString()).isEmpty();
            assertThat(answer.path("accepted").asInt() + answer.path("duplicates").asInt())
                    .as(page.getFileName().toString()).isEqualTo(entries.entries().size());
            remember(expected, entries);
        }

        system.process(Service.NOTES).start();
        system.process(Service.NOTES).awaitReady(Duration.ofMinutes(2));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(scoredIds().keySet()).containsAll(expected.keySet()));

        Map<String, JsonNode> listed = scoredIds();
        for (AtomEntries.Entry e : expected.values()) {
            JsonNode paper = api.get(system.url(Service.NOTES) + "/api/papers/" + e.id()).expect(200).json();
            assertThat(paper.path("title").asText()).as(e.id()).isEqualTo(e.title());
            assertThat(paper.path("version").asInt()).as(e.id()).isEqualTo(e.version());
            List<String> authors = new ArrayList<>();
            paper.path("authors").forEach(a -> authors.add(a.asText()));
            assertThat(authors).as(e.id()).isEqualTo(e.authors());
            assertThat(listed.get(e.id()).path("priority").asText()).as(e.id()).isEqualTo(priorityFromScoringApi(e));
        }
        assertThat(listed.get("2611.04021").path("priority").asText()).isEqualTo("HIGH");
        assertThat(listed.get("2611.00593").path("priority").asText()).isEqualTo("LOW");

        KafkaTopicCounts counts = KafkaTopicCounts.read(system.bootstrapServers());
        assertThat(counts.distinctKeys("paper.discovered")).isEqualTo(expected.size());
        assertThat(counts.records("paper.discovered")).isEqualTo(counts.distinctKeyVersionPairs("paper.discovered"));
        // the embedding worker may score a paper again once it finds it repeats another (its reasons say so)
        assertThat(counts.records("paper.scored")).as("no paper.scored sent twice or scored twice alike")
                .isEqualTo(counts.distinctContents("paper.scored"));
        assertThat(counts.records("paper.scored") - counts.distinctKeyVersionPairs("paper.scored"))
                .as("paper.scored beyond one per paper version and team: only re-scores naming a near-duplicate")
                .isLessThanOrEqualTo(counts.duplicateNoted("paper.scored"));
    }

    @Test
    void aBenchmarkRunOnTheCpuAttachesItsResultToThePaper() {
        JsonNode sampleImport = importAtom(SampleFeed.render(Instant.now()));
        assertThat(sampleImport.path("accepted").asInt() + sampleImport.path("duplicates").asInt()).isEqualTo(10);
        String paperId = "2611.04021";
        Map<String, Object> request = Map.of("device", "cpu", "variants", List.of("naive"), "batch", 1, "heads", 2,
                "seqLens", List.of(128), "headDim", 32, "causal", false, "dtype", "fp32", "paperId", paperId);
        JsonNode accepted = api.postJson(system.url(Service.KERNEL) + "/api/benchmarks", request).expect(202).json();
        String jobId = accepted.path("jobId").asText();
        assertThat(jobId).isNotBlank();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            JsonNode paper = api.get(system.url(Service.NOTES) + "/api/papers/" + paperId).expect(200).json();
            JsonNode bench = null;
            for (JsonNode b : paper.path("benchmarks")) {
                if (jobId.equals(b.path("jobId").asText())) {
                    bench = b;
                }
            }
            assertThat(bench).as("benchmark " + jobId + " on paper " + paperId).isNotNull();
            assertThat(bench.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(bench.path("results")).singleElement().satisfies(r -> {
                assertThat(r.path("variant").asText()).isEqualTo("naive");
                assertThat(r.path("seqLen").asInt()).isEqualTo(128);
                assertThat(r.path("passed").asBoolean()).isTrue();
                assertThat(r.path("maxRelError").asDouble()).isLessThan(1e-4);
                assertThat(r.path("medianMs").asDouble()).isPositive();
            });
        });
        JsonNode job = api.get(system.url(Service.KERNEL) + "/api/benchmarks/" + jobId).expect(200).json();
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aProfileSavedOnTheTeamPageIsTheOnePriorityScoresWith() {
        TeamPageForm page = new TeamPageForm(system.url(Service.NOTES), token);
        var saved = page.post("/teams/e2e-kernels", "/teams/e2e-kernels/profile", Map.of("categories", "cs.DC",
                "terms", "kernel fusion: 3\nsurvey: -2", "seedPapers", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        JsonNode profile = api.get(system.url(Service.PRIORITY) + "/api/teams/e2e-kernels/profile").expect(200).json();
        assertThat(profile.path("categories").toString()).isEqualTo("[\"cs.DC\"]");
        assertThat(profile.path("terms").toString())
                .isEqualTo("[{\"term\":\"kernel fusion\",\"weight\":3.0},{\"term\":\"survey\",\"weight\":-2.0}]");
        assertThat(page.get("/teams/e2e-kernels").body()).contains("kernel fusion: 3\nsurvey: -2");

        Map<String, Object> paper = Map.of("title", "Kernel fusion for attention", "abstract",
                "We apply kernel fusion to attention and make it 2x faster.", "categories", List.of("cs.DC"),
                "published", Instant.now().minus(2, ChronoUnit.DAYS).toString(), "team", "e2e-kernels");
        JsonNode score = api.postJson(system.url(Service.PRIORITY) + "/api/score", paper).expect(200).json();
        assertThat(score.toString()).contains("kernel fusion (+3.0)");

        var refused = page.post("/teams/e2e-kernels", "/teams/e2e-kernels/profile", Map.of("categories", "cs.XX",
                "terms", "kernel fusion: 3"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("unknown arXiv categories [cs.XX]");
    }

    private JsonNode importAtom(String feed) {
        return api.post(system.url(Service.INGEST) + "/api/imports", "application/atom+xml", feed).expect(200).json();
    }

    /** The team's scored papers in the notes API, by id; fails on a paper listed twice for the team. */
    private Map<String, JsonNode> scoredIds() {
        JsonNode items = api.get(system.url(Service.NOTES) + "/api/papers?team=" + TEAM + "&limit=500")
                .expect(200).json().path("items");
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode i : items) {
            JsonNode previous = byId.put(i.path("id").asText(), i);
            assertThat(previous).as("paper " + i.path("id").asText() + " listed twice for team " + TEAM).isNull();
        }
        return byId;
    }

    private String priorityFromScoringApi(AtomEntries.Entry e) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", e.title());
        body.put("abstract", e.summary());
        body.put("categories", e.categories());
        body.put("published", e.published());
        body.put("team", TEAM);
        if (e.comment() != null) {
            body.put("comment", e.comment());
        }
        return api.postJson(system.url(Service.PRIORITY) + "/api/score", body).expect(200).json()
                .path("priority").asText();
    }

    private static void remember(Map<String, AtomEntries.Entry> expected, AtomEntries page) {
        for (AtomEntries.Entry e : page.entries()) {
            expected.merge(e.id(), e, (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    private static List<Path> realArxivPages() throws Exception {
        Path dir = ROOT.resolve("../shared/realdata/A-arxiv-api");
        if (!Files.isDirectory(dir)) {
            System.out.println("realdata not present: importing our own fixtures only");
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** A page in the 2026 serialization with fresh random ids, so that it is new to the system. */
    private static String randomFeed(Random random, int n) {
        StringBuilder feed = new StringBuilder("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/e2e</id>
                  <title>arXiv Query: e2e</title>
                  <updated>%s</updated>
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        for (int i = 0; i < n; i++) {
            String id = "2611." + String.format("%05d", 50_000 + random.nextInt(49_999));
            Instant published = Instant.now().minus(random.nextInt(400), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            feed.append("""
                      <entry>
                        <id>http://arxiv.org/abs/%1$sv1</id>
                        <title>End-to-end paper %2$d on %3$s</title>
                        <updated>%4$s</updated>
                        <link href="https://arxiv.org/abs/%1$sv1" rel="alternate" type="text/html"/>
                        <summary>We study %3$s with %2$d experiments.</summary>
                        <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                        <published>%4$s</published>
                        <arxiv:primary_category term="cs.LG"/>
                        <author><name>Author %2$d</name></author>
                        <author><name>Second Author</name></author>
                      </entry>
                    """.formatted(id, random.nextInt(1000), random.nextBoolean() ? "attention kernels on GPU" : "soil moisture", published));
        }
        return feed.append("</feed>\n").toString();
    }
}
