package org.disclosuredesk.tasklist;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's chromium for Playwright (stack-notes §11): the real binary inside the package, not the
 * {@code /usr/bin/chromium} wrapper script, and never Playwright's own browser download.
 */
public final class Chromium {

  /** Where Debian and Ubuntu put the real binary; {@code -Dchromium.binary} or {@code CHROMIUM_BINARY} win. */
  private static final List<String> CANDIDATES = List.of("/usr/lib/chromium/chromium",
      "/usr/lib/chromium-browser/chromium-browser", "/usr/lib64/chromium-browser/chromium-browser");

  public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync");

  /** Playwright must not try to download its browser (pitfall P15); also set by surefire/failsafe. */
  public static final Map<String, String> PLAYWRIGHT_ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

  private Chromium() {}

  /** The binary, or a failed test (not a skipped one) that says how to install it. */
  public static Path binary() {
    String configured = System.getProperty("chromium.binary", System.getenv("CHROMIUM_BINARY"));
    Stream<String> candidates = configured != null && !configured.isBlank()
        ? Stream.of(configured) : CANDIDATES.stream();
    return candidates.map(Paths::get).filter(Files::isExecutable).findFirst().orElseGet(() -> fail(
        "Chromium not found (looked for " + (configured != null ? configured : CANDIDATES) + "). The Tasklist browser "
            + "tests need Debian's chromium: apt-get install -y chromium fonts-noto-cjk (or set -Dchromium.binary=/path)"));
  }

  /** Playwright without its own browser download (stack-notes P15). */
  public static com.microsoft.playwright.Playwright playwright() {
    return com.microsoft.playwright.Playwright.create(
        new com.microsoft.playwright.Playwright.CreateOptions().setEnv(PLAYWRIGHT_ENV));
  }

  /** Debian's Chromium, headless, with the flags this machine needs. */
  public static com.microsoft.playwright.Browser launch(com.microsoft.playwright.Playwright playwright) {
    return playwright.chromium().launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
        .setExecutablePath(binary()).setHeadless(true).setArgs(ARGS));
  }

  /** Closes what {@link #launch} and {@link #playwright} opened (either may be null after a failed start). */
  public static void close(com.microsoft.playwright.Browser browser, com.microsoft.playwright.Playwright playwright) {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }
}
