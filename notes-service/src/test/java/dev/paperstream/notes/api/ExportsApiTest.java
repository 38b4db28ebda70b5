package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperSource;
import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.notes.exports.PaperExports;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ExportsApiTest {
    private static final String EDITOR = "Bearer test-editor-token-long-enough";
    private static final String TEAM = "export-team";
    private static final String OTHER = "other-export-team";
    /** A journal paper whose title and authors carry every BibTeX special and diacritics. */
    private static final String SPECIAL = "2611.30001";
    private static final String PLAIN = "2611.30002";
    private static final String OTHERS_ONLY = "2611.30003";
    private static boolean fed;

    @Inject
    PaperExports exports;

    @BeforeEach
    void feedOnce() {
        if (fed) {
            return;
        }
        fed = true;
        try (EventFeed feed = new EventFeed()) {
            feed.publish(SPECIAL, new PaperDiscovered(SPECIAL, 2,
                    "Tiles & caches: 100% faster {attention} with $O(n)$ memory_use #1 ~ ^ \\ back",
                    List.of("José Ñúñez", "Ludwig van Beethoven", "OpenAI"),
                    "Attention is a zanzibar bottleneck on long inputs. We propose tiles that are 3x faster.",
                    List.of("cs.LG"), "cs.LG", Instant.parse("2026-11-03T12:00:00Z"), null, null,
                    "J. Mach. Learn. Res. 24 (2026) 1-30", "10.1000/xyz_1",
                    new PaperLinks("https://arxiv.org/abs/" + SPECIAL + "v2", null, List.of()), PaperSource.API));
            feed.publish(PLAIN, EventFeed.paper(PLAIN, 1, "Plain title", "Attention is slow.",
                    Instant.parse("2026-11-02T00:00:00Z")));
            feed.publish(OTHERS_ONLY, EventFeed.paper(OTHERS_ONLY, 1, "Someone else's", "Attention is slow.",
                    Instant.parse("2026-11-02T00:00:00Z")));
            feed.publish(SPECIAL, EventFeed.score(SPECIAL, 2, TEAM, 9, PaperType.OPTIMIZATION));
            feed.publish(SPECIAL, EventFeed.score(SPECIAL, 2, OTHER, 8, PaperType.OPTIMIZATION));
            feed.publish(PLAIN, EventFeed.score(PLAIN, 1, TEAM, 5, PaperType.EMPIRICAL));
            feed.publish(OTHERS_ONLY, EventFeed.score(OTHERS_ONLY, 1, OTHER, 6, PaperType.EMPIRICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", TEAM).get("/api/papers").jsonPath().getInt("total") == 2
                        && given().queryParam("team", OTHER).get("/api/papers").jsonPath().getInt("total") == 2);
    }

    @Test
    void bibtexHasOneEntryPerPaperOfTheTeamWithItsPriorityAndEscapedSpecials() {
        String bib = given().queryParam("team", TEAM).get("/api/exports/papers.bib").then().statusCode(200)
                .contentType(equalTo("text/x-bibtex; charset=utf-8"))
                .header("X-Paperstream-Truncated", nullValue())
                .header("X-Paperstream-Count", "2")
                .header("Content-Disposition", containsString("paperstream-export-team.bib"))
                .extract().asString();

        assertThat(bib).doesNotContain(OTHERS_ONLY);
        assertThat(bib.indexOf("@article{arxiv2611.30001,")).isGreaterThanOrEqualTo(0)
                .isLessThan(bib.indexOf("@misc{arxiv2611.30002,"));
        assertThat(bib).contains(
                "  title = {{Tiles \\& caches: 100\\% faster \\{attention\\} with \\$O(n)\\$ memory\\_use \\#1"
                        + " \\textasciitilde{} \\textasciicircum{} \\textbackslash{} back}},\n",
                "  author = {José Ñúñez and Ludwig van Beethoven and OpenAI},\n",
                "  journal = {J. Mach. Learn. Res. 24 (2026) 1-30},\n",
                "  year = {2026},\n",
                "  eprint = {2611.30001},\n",
                "  archivePrefix = {arXiv},\n",
                "  primaryClass = {cs.LG},\n",
                "  url = {https://arxiv.org/abs/2611.30001},\n",
                "  doi = {10.1000/xyz_1},\n",
                "  note = {Paperstream team export-team: HIGH, score 9, OPTIMIZATION, NOT\\_STARTED}\n",
                "  author = {Ada Lovelace and Alan Turing},\n",
                "  note = {Paperstream team export-team: MEDIUM, score 5, EMPIRICAL, NOT\\_STARTED}\n");
        List<String> entries = Arrays.stream(bib.split("\n(?=@)")).map(String::strip).toList();
        assertThat(entries).hasSize(2);
        entries.forEach(ExportsApiTest::assertBracesBalance);
    }

    /** What BibTeX's own parser needs: unescaped braces never close more than they opened, and end closed. */
    private static void assertBracesBalance(String entry) {
        int depth = 0;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("closing brace at %d of %s", i, entry).isGreaterThanOrEqualTo(0);
                if (depth == 0) {
                    assertThat(entry.substring(i + 1)).as("text after the entry closed").isEmpty();
                }
            }
        }
        assertThat(depth).as("braces left open in %s", entry).isZero();
    }

    @Test
    void cslJsonItemsHaveSplitAuthorsIssuedDatePartsAndTheArxivNumber() {
        given().queryParam("team", TEAM).get("/api/exports/papers.json").then().statusCode(200)
                .contentType(equalTo("application/vnd.citationstyles.csl+json"))
                .body("$", hasSize(2))
                .body("id", contains("arxiv2611.30001", "arxiv2611.30002"))
                .body("type", contains("article-journal", "article"))
                .body("[0].title", equalTo("Tiles & caches: 100% faster {attention} with $O(n)$ memory_use #1 ~ ^ \\ back"))
                .body("[0].author", equalTo(List.of(Map.of("family", "Ñúñez", "given", "José"),
                        Map.of("family", "van Beethoven", "given", "Ludwig"), Map.of("literal", "OpenAI"))))
                .body("[0].issued.date-parts", equalTo(List.of(List.of(2026, 11, 3))))
                .body("[0].container-title", equalTo("J. Mach. Learn. Res. 24 (2026) 1-30"))
                .body("[0].DOI", equalTo("10.1000/xyz_1"))
                .body("[0].URL", equalTo("https://arxiv.org/abs/2611.30001"))
                .body("[0].archive", equalTo("arXiv"))
                .body("[0].number", equalTo(SPECIAL))
                .body("[0].note", containsString("HIGH, score 9"))
                .body("[1].author", equalTo(List.of(Map.of("family", "Lovelace", "given", "Ada"),
                        Map.of("family", "Turing", "given", "Alan"))))
                .body("[1].issued.date-parts", equalTo(List.of(List.of(2026, 11, 2))))
                .body("[1]", not(hasKey("container-title")))
                .body("[1]", not(hasKey("DOI")));
    }

    @Test
    void withoutATeamFilterAPaperScoredByTwoTeamsIsExportedOnceWithoutATeamNote() {
        given().queryParam("q", "zanzibar").get("/api/exports/papers.json").then().statusCode(200)
                .body("number", contains(SPECIAL))
                .body("[0]", not(hasKey("note")));
    }

    @Test
    void anExportBeyondItsBoundIsCutAndSaysSo() {
        PaperExports.Selection one = exports.select(new PaperFilter(TEAM, null, null, null, null, 1, 0), 1);
        assertThat(one.papers()).extracting(p -> p.paper().id()).containsExactly(SPECIAL);
        assertThat(one.truncated()).isTrue();
        PaperExports.Selection both = exports.select(new PaperFilter(TEAM, null, null, null, null, 1, 0), 2);
        assertThat(both.papers()).hasSize(2);
        assertThat(both.truncated()).isFalse();
    }

    @Test
    void notesMarkdownHasEverySectionAndMarksUnconfirmedSuggestions() {
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pass1", Map.of("problem", "Attention needs <too> much memory.\n# not a heading")))
                .put("/api/papers/" + SPECIAL + "/notes").then().statusCode(200);

        String md = given().get("/api/papers/" + SPECIAL + "/notes.md").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();

        assertThat(md).startsWith("# Tiles &amp; caches: 100% faster {attention} with $O(n)$ memory_use #1 ~ ^ \\ back\n\n"
                + "<https://arxiv.org/abs/2611.30001> (arXiv:2611.30001)\n\nJosé Ñúñez, Ludwig van Beethoven, OpenAI\n");
        assertThat(md).contains("\n## Pass 1: the big picture\n", "\n## Pass 2: the content\n",
                "\n## Pass 3: re-implementation\n", "\n## Paper insights\n", "\n## Implementation spec\n",
                "\n### Problem addressed\n\nAttention needs &lt;too&gt; much memory.\n\\# not a heading\n",
                "\n### Main contribution _(suggested)_\n\nWe propose tiles that are 3x faster.\n",
                "\n### Worth a deep read? _(suggested)_\n\n",
                "\n### Unclear points\n\n_not written yet_\n");
        assertThat(md).doesNotContain("<too>", "### Problem addressed _(suggested)_");
    }

    @Test
    void anInvalidFilterIsA400ProblemThatSaysWhy() {
        given().queryParam("priority", "URGENT").get("/api/exports/papers.bib").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("priority must be one of"));
        given().queryParam("status", "READ").get("/api/exports/papers.json").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'READ'"));
        given().queryParam("team", "no such team!").get("/api/exports/papers.bib").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("is not a team name"));
    }

    @Test
    void notesMarkdownOfAnUnknownPaperIs404AndOfAMalformedIdIs400() {
        given().get("/api/papers/2611.39999/notes.md").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no paper 2611.39999"));
        given().get("/api/papers/not-an-id/notes.md").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
