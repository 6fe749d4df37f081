package dev.verve.examples.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A headless Chromium for tests: Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium, never downloading anything (no Selenium Manager). One driver service and one fresh profile
 * per instance; {@link #close()} ends both and deletes the profile.
 *
 * <pre>{@code
 * @BeforeAll static void open() { Browser.assumeAvailable(); browser = Browser.start(); }
 * @AfterAll static void close() { browser.close(); }
 *
 * browser.open("http://127.0.0.1:" + port + "/todos");
 * browser.waitHydrated();
 * browser.find("form input").sendKeys("Milk");
 * browser.waitFor(d -> browser.texts("li .title").contains("Milk"));
 * assertTrue(browser.consoleLogs().isEmpty());
 * }</pre>
 *
 * Tests are skipped (not failed) when {@code /usr/bin/chromedriver} is missing, unless the environment
 * variable {@code CI} is {@code "true"}: on CI a missing browser is a failure.
 */
public final class Browser implements AutoCloseable {

  public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  public static final String CHROMIUM = "/usr/lib/chromium/chromium";
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  // Selenium ships DevTools bindings for a few Chrome versions only; we do not use them, so the warning
  // that Debian's version has none is noise. Held here so the setting is not garbage-collected.
  private static final java.util.logging.Logger CDP_LOG =
    java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips the calling test (JUnit assumption) when there is no chromedriver, except on CI. */
  public static void assumeAvailable() {
    Assumptions.assumeTrue(CHROMEDRIVER.canExecute() || "true".equals(System.getenv("CI")),
      "No " + CHROMEDRIVER + ": install Debian's chromium and chromium-driver to run the browser tests");
  }

  /** Starts a headless Chromium with a fresh profile; console messages of every level are kept. */
  public static Browser start() {
    return start(true);
  }

  /** Like {@link #start()}, with JavaScript off: what a page shows before (or without) hydration. */
  public static Browser startWithoutJavaScript() {
    return start(false);
  }

  private static Browser start(boolean javascript) {
    // Selenium Manager must never download a driver or a browser.
    System.setProperty("SE_OFFLINE", "true");
    CDP_LOG.setLevel(Level.SEVERE);
    Path profile;
    try {
      profile = Files.createTempDirectory("verve-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--window-size=1024,768", "--user-data-dir=" + profile);
    if (!javascript) {
      options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
      .usingDriverExecutable(CHROMEDRIVER)
      .usingAnyFreePort()
      .build();
    try {
      return new Browser(service, new ChromeDriver(service, options), profile);
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw e;
    }
  }

  /** The Selenium driver, for anything the helpers do not cover. */
  public WebDriver driver() {
    return driver;
  }

  /** Forgets the console messages of earlier pages, then loads {@code url} (waits for the load event). */
  public Browser open(String url) {
    consoleLogs();
    driver.get(url);
    return this;
  }

  /** Waits until Verve's runtime has hydrated the page ({@code <html data-verve-hydrated>}). */
  public Browser waitHydrated() {
    waitFor(d -> !d.findElements(By.cssSelector("html[data-verve-hydrated]")).isEmpty());
    return this;
  }

  /** Waits up to {@link #DEFAULT_WAIT} until {@code condition} returns neither null nor false. */
  public <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(DEFAULT_WAIT, condition);
  }

  /** Like {@link #waitFor(Function)}; an element going stale meanwhile (the DOM changed) means "not yet". */
  public <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
      .ignoring(StaleElementReferenceException.class)
      .until(condition::apply);
  }

  /** Waits until the first element matching {@code css} has exactly {@code text} (trimmed). */
  public void waitText(String css, String text) {
    waitFor(d -> {
      List<String> texts = texts(css);
      return !texts.isEmpty() && text.equals(texts.get(0));
    });
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The {@code textContent} of every element matching {@code css} (hidden ones too), trimmed; read at once. */
  @SuppressWarnings("unchecked")
  public List<String> texts(String css) {
    return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", css);
  }

  /** The element's {@code textContent} (untrimmed; also of hidden elements, unlike getText()). */
  public String textContent(WebElement element) {
    return String.valueOf(element.getDomProperty("textContent"));
  }

  /** Runs {@code script} (a function body: use {@code return}) in the page. */
  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Runs an async function body in the page and returns what it resolves to (JSON-like values), e.g.
   * {@code jsAsync("const { call } = await import('/verve/verve.js'); return call('Counter', 'getServerData')")}.
   * A rejection comes back as {@code {"error": message, ...own fields of the error}}.
   */
  public Object jsAsync(String body, Object... args) {
    String script = "const done = arguments[arguments.length - 1];"
      + "(async (...args) => {" + body + "})(...Array.from(arguments).slice(0, -1))"
      + ".then(done, e => done(Object.assign({ error: String(e && e.message || e) }, e)));";
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** Console messages since the last call (or the last {@link #open}): level and text. Drains them. */
  public List<LogEntry> consoleLogs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll();
  }

  /** Writes a PNG of the viewport to {@code file} (directories created) and returns the path. */
  public Path screenshot(Path file) {
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
