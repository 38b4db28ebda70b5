package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.paperstream.notes.EventFeed;
import dev.paperstream.notes.benchmarks.BenchmarkRuns;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The benchmark history and the claims page in a real headless Chromium, with benchmark.completed delivered
 * through the broker (the same browser set-up as {@link BrowserTest}).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PriorityProfileServer.class)
class BenchmarkPagesBrowserTest {
    private static final String GPU = "Browser H200 " + UUID.randomUUID().toString().substring(0, 8);
    private static final String DEVICE = "cuda:" + GPU;
    private static final String BUILD = "2.0.0+cccccccccccc+flash";
    private static final String OTHER_BUILD = "2.1.0+dddddddddddd+flash";
    private static final Instant DAY = Instant.parse("2026-11-10T02:00:00Z");
    private static final String PAPER = "2611.50001";
    private static boolean fed;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver driver;

    @BeforeEach
    void feedOnceAndStartBrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        if (!fed) {
            fed = true;
            feed();
        }
        driver = HeadlessChromium.start(1280, 1600);
    }

    /** Three nightly runs of one build, tiled faster each night, then a run of the next build. */
    private static void feed() {
        try (EventFeed feed = new EventFeed()) {
            for (int night = 2; night >= 0; night--) {
                feed.publish("night-" + night, BenchmarkRuns.run("night-" + night, GPU, BUILD,
                        DAY.plus(Duration.ofDays(night)), null, List.of(
                                BenchmarkRuns.row("naive", 2048, 4.0, 50, 1L << 32),
                                BenchmarkRuns.row("tiled", 2048, 2.5 - night * 0.5, 80 + night * 10, 1L << 27))));
            }
            feed.publish("next-build", BenchmarkRuns.run("next-build", GPU, OTHER_BUILD, DAY.plus(Duration.ofDays(3)),
                    null, List.of(BenchmarkRuns.row("naive", 2048, 4.0, 50, 1L << 32),
                            BenchmarkRuns.row("tiled", 2048, 1.0, 200, 1L << 27))));
            feed.publish(PAPER, EventFeed.paper(PAPER, 1, "Fused attention for long sequences",
                    "We make attention 2.1x faster than FlashAttention at sequence length 4096.", DAY));
            feed.publish(PAPER, BenchmarkRuns.run("paper-run", GPU, BUILD, DAY, PAPER, List.of(
                    BenchmarkRuns.row("naive", 4096, 12.0, 40, 1L << 33),
                    BenchmarkRuns.row("tiled", 4096, 5.0, 95, 1L << 28))));
        }
        // the first test class of a run also waits for the consumers to join their groups on a busy machine;
        // the claims answer 404 until the paper itself is in
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            given().queryParam("device", DEVICE).queryParam("shape", "b1-h8-n2048-d64-fp16")
                    .get("/api/benchmark-history").then().statusCode(200).body("runs", hasSize(4));
            given().get("/api/papers/" + PAPER + "/claims").then().statusCode(200).body("rows.jobId", hasItem("paper-run"));
        });
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aTeamFollowsOneDeviceAndBuildOverTimeInTheChartAndTheTable() throws Exception {
        driver.get(base + "teams/bench-readers");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("benchmark-history-link")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Benchmark history");

        new Select(driver.findElement(By.id("device"))).selectByValue(DEVICE);
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("show")));
        new Select(driver.findElement(By.id("build"))).selectByValue(BUILD);
        new Select(driver.findElement(By.id("shape"))).selectByValue("b1-h8-n2048-d64-fp16");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("show")));
        assertThat(driver.findElement(By.id("history-title")).getText())
                .isEqualTo(GPU + " (cuda) · build " + BUILD + " · B=1 H=8 N=2048 D=64 fp16");

        // one point per run and variant, in the order the runs ran, higher TFLOP/s drawn higher
        List<WebElement> tiled = driver.findElements(
                By.cssSelector("#tflops-panel g.series[data-variant='tiled'] circle.point"));
        assertThat(tiled).extracting(p -> p.getAttribute("data-job")).containsExactly("night-0", "night-1", "night-2");
        List<Double> xs = tiled.stream().map(p -> Double.parseDouble(p.getAttribute("cx"))).toList();
        assertThat(xs).isSortedAccordingTo(Double::compare).doesNotHaveDuplicates();
        List<Double> ys = tiled.stream().map(p -> Double.parseDouble(p.getAttribute("cy"))).toList();
        assertThat(ys.get(0)).isGreaterThan(ys.get(1));
        assertThat(ys.get(1)).isGreaterThan(ys.get(2));
        assertThat(tiled.get(2).findElement(By.tagName("title")).getAttribute("textContent"))
                .contains("night-2", BUILD, "100.00 TFLOP/s");
        assertThat(driver.findElements(By.cssSelector("#tflops-panel g.series[data-variant='naive'] circle.point")))
                .hasSize(3);
        assertThat(driver.findElements(By.cssSelector("#latency-panel g.series[data-variant='tiled'] circle.point")))
                .hasSize(3);

        // the same numbers in the table beside it
        List<WebElement> rows = driver.findElements(By.cssSelector("#history-table tbody tr[data-variant='tiled']"));
        assertThat(rows).extracting(r -> r.getAttribute("data-job")).containsExactly("night-0", "night-1", "night-2");
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td.tflops")).getText())
                .containsExactly("80.000", "90.000", "100.000");
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td.median")).getText())
                .containsExactly("2.500", "2.000", "1.500");
        screenshot("benchmark-history.png");

        // all builds: the next build's run joins the end of the line
        new Select(driver.findElement(By.id("build"))).selectByValue("");
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("show")));
        assertThat(driver.findElements(By.cssSelector("#tflops-panel g.series[data-variant='tiled'] circle.point")))
                .extracting(p -> p.getAttribute("data-job"))
                .containsExactly("night-0", "night-1", "night-2", "next-build");
    }

    @Test
    void aReaderSeesEachClaimBesideTheMeasurementAtThePapersShapeWithAVerdict() throws Exception {
        driver.get(base + "papers/" + PAPER);
        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("claims-link")));
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("Claims vs measurements");

        List<WebElement> rows = driver.findElements(By.cssSelector("#claims-table tbody tr.claim-row"));
        assertThat(rows).hasSize(1);
        WebElement row = rows.get(0);
        assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo("2.1x faster");
        assertThat(row.findElement(By.cssSelector("td.context")).getText())
                .isEqualTo("“We make attention 2.1x faster than FlashAttention at sequence length 4096.”");
        assertThat(row.getAttribute("data-seq-len")).isEqualTo("4096");
        assertThat(row.findElement(By.cssSelector("td.measured")).getText()).isEqualTo("2.40x");
        assertThat(row.findElement(By.cssSelector("td.ratio")).getText()).isEqualTo("114%");
        assertThat(row.findElement(By.cssSelector("td.verdict")).getText())
                .isEqualTo("Reproduced: measured 2.40x vs claimed 2.1x (114% of the claim) on " + GPU);
        assertThat(row.getText()).contains(BUILD, "B=1 H=8 N=4096 D=64 fp16 (tiled)");
        screenshot("paper-claims.png");

        HeadlessChromium.clickAndWaitForTheNextPage(driver, driver.findElement(By.id("paper-link")));
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("Fused attention for long sequences");
    }

    private void screenshot(String name) throws Exception {
        assertThat(Files.size(HeadlessChromium.screenshot(driver, name))).isGreaterThan(1000);
    }
}
