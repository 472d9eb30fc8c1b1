package dev.seqmind.server.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through its chromedriver (never a downloaded browser or driver): opens the
 * dashboard, waits for a page to say it is ready, reads the browser console and the charts' pixels.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    HeadlessChromium(Path profile) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, o);
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the page's {@code data-state} is one of {@code states}; returns it. */
    String awaitState(long timeoutMillis, String... states) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        String s = null;
        while (System.currentTimeMillis() < end) {
            s = (String) js("return document.body ? document.body.dataset.state : null;");
            for (String want : states) {
                if (want.equals(s)) {
                    return s;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("page " + driver.getCurrentUrl() + " stayed '" + s + "', expected "
                + List.of(states));
    }

    /** Signs in with {@code key} on the form the current page shows. */
    void signIn(String key) {
        driver.findElement(By.id("key")).sendKeys(key);
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
    }

    /** Console entries since the last call (the browser log is drained by reading it). */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Per canvas on the page: how many pixels are not fully transparent. */
    @SuppressWarnings("unchecked")
    List<Long> paintedPixels() {
        return (List<Long>) js("""
                return [...document.querySelectorAll('canvas')].map(c => {
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0;
                  for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
                  return n;
                });""");
    }

    Path screenshot(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path out = dir.resolve(name + ".png");
        Files.copy(f.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
