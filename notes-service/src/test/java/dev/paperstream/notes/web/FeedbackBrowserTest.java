package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Votes and corrections in a real headless Chromium, against the local stand-in of priority's API, which answers
 * in priority's own JSON shapes (PriorityProfileServer).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PriorityProfileServer.class)
class FeedbackBrowserTest {
    private static final String TEAM = "fb-ui";
    private static final String LIKED = "2608.31001";
    private static final String OTHER = "2608.31002";
    private static final String EDITOR_TOKEN = "test-editor-token-long-enough";

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "paperstream.priority.url")
    String priority;

    private ChromeDriver driver;

    @BeforeEach
    void startBrowserWithTwoScoredPapers() throws Exception {
        HeadlessChromium.assumeInstalled();
        given().contentType("application/json").body("{\"categories\":[],\"terms\":[],\"seedPapers\":[],\"matchAll\":true}")
                .put(priority + "/api/teams/" + TEAM + "/profile").then().statusCode(200);
        try (EventFeed feed = new EventFeed()) {
            for (String id : List.of(LIKED, OTHER)) {
                feed.publish(id, EventFeed.paper(id, 1, "Feedback paper " + id, "Attention kernels.",
                        Instant.parse("2026-08-01T00:00:00Z")));
                feed.publish(id, EventFeed.score(id, 1, TEAM, 5, PaperType.OPTIMIZATION));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", TEAM).get("/api/papers").jsonPath().getInt("total") == 2);
        driver = HeadlessChromium.start(1400, 1600);
        HeadlessChromium.signIn(driver, base.toString(), EDITOR_TOKEN);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebElement button(String paper, String vote) {
        return driver.findElement(By.cssSelector("form.vote[data-paper='" + paper + "'][data-team='" + TEAM + "'] "
                + "button.vote-" + vote));
    }

    private static String votesPriorityGot(String priority) {
        return RestAssured.get(priority + "/control/votes").asString();
    }

    @Test
    void aReaderGivesAThumbUpInTheInboxAndChangesItToNotRelevantTheLatestVoteIsMarked() {
        driver.get(base + "?team=" + TEAM);
        HeadlessChromium.clickAndWaitForTheNextPage(driver, button(LIKED, "up"));

        assertThat(driver.getCurrentUrl()).isEqualTo(base + "?team=" + TEAM);
        assertThat(button(LIKED, "up").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(button(OTHER, "up").getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(votesPriorityGot(priority)).contains("Bearer " + EDITOR_TOKEN + " " + TEAM
                + " {\"paperId\":\"" + LIKED + "\",\"vote\":\"up\"}");

        HeadlessChromium.clickAndWaitForTheNextPage(driver, button(LIKED, "not-relevant"));
        assertThat(button(LIKED, "not-relevant").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(button(LIKED, "up").getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(button(LIKED, "not-relevant").getText()).isEqualTo("not relevant to us");
    }

    @Test
    void aVoteWhilePriorityIsDownSaysSoAndSendingItAgainRecordsIt() {
        driver.get(base + "papers/" + OTHER);
        RestAssured.post(priority + "/control/refuse-votes?times=10").then().statusCode(204);
        HeadlessChromium.clickAndWaitForTheNextPage(driver, button(OTHER, "down"));

        assertThat(driver.findElement(By.id("not-sent")).getText())
                .startsWith("Your vote “👎” on " + OTHER + " for " + TEAM + " was not recorded:")
                .contains("the priority service answered 503, and still after its retries");
        assertThat(votesPriorityGot(priority)).doesNotContain(OTHER);

        RestAssured.post(priority + "/control/refuse-votes?times=0").then().statusCode(204);
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("send-again")));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "papers/" + OTHER);
        assertThat(button(OTHER, "down").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(votesPriorityGot(priority)).contains("{\"paperId\":\"" + OTHER + "\",\"vote\":\"down\"}");
    }

    @Test
    void aReaderCorrectsThePaperTypeWithAReasonAndTheRescoreShowsIt() {
        driver.get(base + "papers/" + LIKED);
        new Select(driver.findElement(By.id("correction-type"))).selectByValue("THEORETICAL");
        driver.findElement(By.id("correction-reason")).sendKeys("it proves a bound");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("correct")));

        assertThat(driver.getCurrentUrl()).isEqualTo(base + "papers/" + LIKED + "#scores");
        assertThat(RestAssured.get(priority + "/control/last-correction").asString())
                .isEqualTo("Bearer " + EDITOR_TOKEN + " {\"reason\":\"it proves a bound\",\"paperType\":\"THEORETICAL\"}");
        // priority publishes the re-score as paper.scored; here the test publishes what priority would
        String reason = "type: THEORETICAL (corrected from OPTIMIZATION by editor-1: it proves a bound): +0";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(LIKED, new PaperScored(LIKED, 1, TEAM, 3, Priority.LOW, PaperType.THEORETICAL, 3, true, 120,
                    4.0, List.of(reason, "relevance: 3/5 (matched: attention): +3"), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("scores")).getText().contains(reason);
        });
    }

    @Test
    void theTeamPageShowsTheModelsHeldOutAucBothWaysOverTimeAndItsTopTerms() throws Exception {
        driver.get(base + "teams/" + TEAM);
        assertThat(driver.findElement(By.id("model-state")).getText())
                .isEqualTo("Learned from the team's votes on 6 papers, from their words and their meaning (embeddings).");
        // columns: retrained, liked, disliked, with embedding, AUC on TF-IDF, AUC on TF-IDF + embeddings, folds
        assertThat(driver.findElements(By.cssSelector("#auc-history tbody tr"))).extracting(WebElement::getText)
                .containsExactly("2026-11-30T22:10:04.512Z 3 3 0 0.778 — 3",
                        "2026-11-30T22:41:19.004Z 4 3 7 0.917 0.958 3");
        assertThat(driver.findElement(By.id("liked-terms")).getText()).startsWith("attention +1.18\nkernels +0.95");
        assertThat(driver.findElement(By.id("disliked-terms")).getText()).startsWith("galaxy -1.31");
        assertThat(driver.findElement(By.id("auc-words")).getAttribute("points")).isEqualTo("10.0,32.2 470.0,18.3");
        // the first retraining had no embeddings: the second line starts at the second retraining, higher up
        assertThat(driver.findElement(By.id("auc-embeddings")).getAttribute("points")).isEqualTo("470.0,14.2");
        assertThat(driver.findElement(By.id("auc-legend")).getText()).contains("TF-IDF alone", "TF-IDF + embeddings");
        HeadlessChromium.screenshot(driver, "team-model.png");
    }

    @Test
    void thePaperPageShowsTheTeamsNearestPapersWithTheNearDuplicateAndAMoreLikeThisLink() {
        driver.get(base + "papers/" + LIKED);
        List<String> related = driver.findElements(By.cssSelector("#related-list li")).stream()
                .map(WebElement::getText).toList();
        assertThat(related).containsExactly(
                "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness 2205.14135 · 0.98 "
                        + "near-duplicate of " + LIKED + ": cosine 0.984, title similarity 0.83",
                "Efficient Memory Management for Large Language Model Serving with PagedAttention 2309.06180 · 0.61"
                        + " · seed paper");
        assertThat(driver.findElement(By.cssSelector("#related-list a")).getAttribute("href"))
                .isEqualTo(base + "papers/2205.14135");
        assertThat(driver.findElement(By.id("related")).getText()).contains("team " + TEAM + "'s papers");
        assertThat(driver.findElement(By.id("more-like-this")).getAttribute("href"))
                .isEqualTo(priority + "/api/search/similar?paper=" + LIKED + "&k=50&team=" + TEAM);
    }

    @Test
    void thePaperPageStillRendersWhenPriorityCannotGiveRelatedPapersAndSaysSo() {
        // the first try and both retries are refused, as by a priority that is down
        RestAssured.post(priority + "/control/refuse-related?times=3").then().statusCode(204);
        driver.get(base + "papers/" + LIKED);
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("Feedback paper " + LIKED);
        assertThat(driver.findElement(By.id("related-message")).getText())
                .startsWith("Related papers are unavailable now: the priority service");
        assertThat(driver.findElements(By.id("related-list"))).isEmpty();
        assertThat(driver.findElement(By.id("scores")).getText()).contains(TEAM);
    }

    @Test
    void aNearDuplicatesScoreShowsTheOtherPaperOnThePaperPageAndInTheInbox() {
        String note = "same work as arXiv:2205.14135 (cosine 0.97)";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(OTHER, new PaperScored(OTHER, 1, TEAM, 5, Priority.MEDIUM, PaperType.OPTIMIZATION, 3, true,
                    120, 4.0, List.of("relevance: 3/5 (matched: attention): +3", "duplicate: " + note), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            driver.get(base + "papers/" + OTHER);
            return !driver.findElements(By.cssSelector(".duplicate-note")).isEmpty();
        });
        assertThat(driver.findElement(By.cssSelector(".duplicate-note")).getText()).isEqualTo("Near-duplicate: " + note);
        assertThat(driver.findElement(By.id("scores")).getText()).contains("duplicate: " + note);

        // the triage list names the paper it repeats, in the inbox row and in the API's item
        driver.get(base + "?team=" + TEAM);
        WebElement row = driver.findElement(By.xpath("//table[@id='papers']//tr[.//a[@href='/papers/" + OTHER + "']]"));
        assertThat(row.findElement(By.cssSelector(".duplicate-of")).getText()).isEqualTo("same work as 2205.14135");
        assertThat(row.findElement(By.cssSelector(".duplicate-of a")).getAttribute("href"))
                .isEqualTo(base + "papers/2205.14135");
        WebElement liked = driver.findElement(By.xpath("//table[@id='papers']//tr[.//a[@href='/papers/" + LIKED + "']]"));
        assertThat(liked.findElements(By.cssSelector(".duplicate-of"))).isEmpty();
        List<Map<String, Object>> items = given().queryParam("team", TEAM).get("/api/papers")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(items).filteredOn(i -> OTHER.equals(i.get("id"))).singleElement()
                .satisfies(i -> assertThat(i.get("duplicateOf")).isEqualTo("2205.14135"));
        assertThat(items).filteredOn(i -> LIKED.equals(i.get("id"))).singleElement()
                .satisfies(i -> assertThat(i.get("duplicateOf")).isNull());
    }
}
