package dev.paperstream.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;

import dev.paperstream.events.PaperType;
import dev.paperstream.notes.EventFeed;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** The web UI in a real headless Chromium (Debian's chromium and chromium-driver). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PriorityProfileServer.class)
class BrowserTest {
    private static final String HIGH_ID = "2608.30001";
    private static final String HIGH_TITLE = "Browser attention <script>alert('x')</script>";

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        try (EventFeed feed = new EventFeed()) {
            feed.publish(HIGH_ID, EventFeed.paper(HIGH_ID, 1, HIGH_TITLE, "Attention is slow. We make it 3x faster.",
                    Instant.parse("2026-08-01T00:00:00Z")));
            feed.publish(HIGH_ID, EventFeed.score(HIGH_ID, 1, "ui-team", 9, PaperType.OPTIMIZATION));
            feed.publish("2608.30002", EventFeed.paper("2608.30002", 1, "A low paper", "Nothing new.",
                    Instant.parse("2026-08-01T00:00:00Z")));
            feed.publish("2608.30002", EventFeed.score("2608.30002", 1, "ui-team", 2, PaperType.THEORETICAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("team", "ui-team").get("/api/papers").jsonPath().getInt("total") == 2);
        driver = HeadlessChromium.start(1280, 1600);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aReaderFiltersToHighOpensThePaperAndKeepsHerPassOneNotes() throws Exception {
        HeadlessChromium.signIn(driver, base.toString(), "test-editor-token-long-enough");
        assertThat(driver.findElement(By.tagName("footer")).getText())
                .isEqualTo("Thank you to arXiv for use of its open access interoperability.");

        new Select(driver.findElement(By.id("team"))).selectByValue("ui-team");
        new Select(driver.findElement(By.id("priority"))).selectByValue("HIGH");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("apply")));
        List<WebElement> links = driver.findElements(By.cssSelector("#papers a.paper-link"));
        assertThat(links).extracting(WebElement::getText).containsExactly(HIGH_TITLE);

        HeadlessChromium.clickAndWaitForTheNextPage(driver, links.get(0));
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo(HIGH_TITLE);
        WebElement problem = driver.findElement(By.id("pass1.problem"));
        assertThat(problem.getAttribute("value")).isEqualTo("Attention is slow.");
        problem.clear();
        problem.sendKeys("Attention is slow & memory-bound <really>.");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("save-pass1")));

        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("pass1.problem")).getAttribute("value"))
                .isEqualTo("Attention is slow & memory-bound <really>.");
        assertThat(driver.findElement(By.id("notes")).getText()).contains("by editor-1");
        screenshot("paper-page.png");
    }

    @Test
    void anAdminEditsTheTeamProfileAndAddsAChannelOnTheTeamPage() throws Exception {
        HeadlessChromium.signIn(driver, base.toString(), "test-admin-token-long-enough");
        driver.get(base + "teams/ui-settings");
        assertThat(driver.findElement(By.id("no-profile")).getText()).startsWith("No profile stored yet");

        driver.findElement(By.id("categories")).sendKeys("cs.LG, cs.DC");
        driver.findElement(By.id("terms")).sendKeys("flash attention: 3\nkernel fusion: 2\nsurvey: -2");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("save-profile")));
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("categories")).getAttribute("value")).isEqualTo("cs.LG, cs.DC");
        assertThat(driver.findElement(By.id("terms")).getAttribute("value"))
                .isEqualTo("flash attention: 3\nkernel fusion: 2\nsurvey: -2\n");

        new Select(driver.findElement(By.id("kind"))).selectByValue("webhook");
        driver.findElement(By.id("target")).sendKeys("ftp://hooks.example.org/ui-settings");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("add-channel")));
        assertThat(driver.findElement(By.id("channel-error")).getText()).contains("must be an http(s) URL");
        new Select(driver.findElement(By.id("kind"))).selectByValue("webhook");
        driver.findElement(By.id("target")).sendKeys("https://hooks.example.org/ui-settings");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("add-channel")));
        String secret = driver.findElement(By.cssSelector("#new-channel-secret code")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(driver.findElement(By.id("channel-list")).getText())
                .contains("webhook: https://hooks.example.org/…").doesNotContain("hooks.example.org/ui-settings");
        driver.get(base + "teams/ui-settings");
        assertThat(driver.getPageSource()).doesNotContain(secret);
        screenshot("team-page.png");
    }

    @Test
    void anOpenInboxTellsTheReaderAboutANewScoreWithoutReloading() {
        driver.get(base + "?team=ui-live");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "on".equals(driver.findElement(By.tagName("body")).getAttribute("data-live")));
        String id = "2608.30003";
        String title = "Live <img src=x onerror=alert(1)> attention";
        try (EventFeed feed = new EventFeed()) {
            feed.publish(id, EventFeed.paper(id, 1, title, "Fresh.", Instant.parse("2026-08-02T00:00:00Z")));
            // the two topics are consumed side by side: a score that overtakes its paper is shown with the id
            await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/papers/" + id).statusCode() == 200);
            feed.publish(id, EventFeed.score(id, 1, "ui-live", 9, PaperType.OPTIMIZATION));
        }
        WebElement banner = driver.findElement(By.id("live"));
        await().atMost(Duration.ofSeconds(20)).until(banner::isDisplayed);
        assertThat(banner.getText()).isEqualTo("New: HIGH for ui-live: " + title + " (reload to see it)");
        assertThat(driver.findElements(By.cssSelector("#live img"))).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        assertThat(Files.size(HeadlessChromium.screenshot(driver, name))).isGreaterThan(1000);
    }
}
