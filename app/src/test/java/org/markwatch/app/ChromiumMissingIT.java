package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.browser.Chromium;

/**
 * A Chromium that cannot start is reported on one line with the fix (issue 9): Playwright launched
 * as the crawler launches it, but with an executable that does not exist, and the exception it
 * really throws goes through {@link ErrorReport}.
 */
class ChromiumMissingIT {
  @Test
  void aChromiumThatCannotStartIsOneLineNamingItAndTheFix(@TempDir Path dir) {
    Path missing = dir.resolve("no-chromium-here");
    Throwable thrown = null;
    try (Playwright pw = Playwright.create()) {
      pw.chromium()
          .launch(
              new BrowserType.LaunchOptions()
                  .setExecutablePath(missing)
                  .setArgs(Chromium.ARGS)
                  .setHeadless(true))
          .close();
    } catch (PlaywrightException e) {
      thrown = new RuntimeException("crawl failed", e); // wrapped, as a command sees it
    }
    assertThat(thrown).as("a launch of a missing executable fails").isNotNull();

    String line = ErrorReport.oneLine(thrown);
    assertThat(line)
        .startsWith("Chromium could not be started (")
        .contains(missing.toString())
        .endsWith("install it with apt-get install -y chromium")
        .doesNotContain("\n");
    assertThat(List.of(line.split("\n"))).hasSize(1);
  }
}
