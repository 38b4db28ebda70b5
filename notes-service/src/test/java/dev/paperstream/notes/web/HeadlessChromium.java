package dev.paperstream.notes.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium, headless, through its chromedriver, with a profile of its own and no background traffic. */
final class HeadlessChromium {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the calling test when the browser is not installed (CI installs it). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    }

    static ChromeDriver start(int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Signs in with the token and waits for the page that says so: the click returns before the redirect has
     * landed, and a page opened before then is served to nobody (no session cookie yet).
     */
    static void signIn(ChromeDriver driver, String base, String token) {
        driver.get(base + "sign-in");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .who")));
    }

    /**
     * Clicks a link, or a button that submits a form, and waits for the next page: the click returns before it is
     * there, and reading at once can see the old one. Chromium reports the old page's element as stale, or, at times,
     * as a node that "does not belong to the document": both mean the page was replaced.
     */
    static void clickAndWaitForTheNextPage(ChromeDriver driver, WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Saves what the page shows now under {@code target/screenshots/}, for a person to look at after the run. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
