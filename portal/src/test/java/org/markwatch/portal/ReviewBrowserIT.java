package org.markwatch.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An analyst in real Chromium: signs in, moves down the queue with j, confirms the current listing
 * with c and Enter, and the listing leaves the queue with a decision and an audit row. Screenshots
 * go to target/playwright/. Also checks that the pages run under the strict CSP without a single
 * violation (the keyboard script is a file from 'self').
 */
class ReviewBrowserIT extends PortalTestSupport {
  static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  @Test
  void anAnalystConfirmsAListingWithTheKeyboard() throws Exception {
    Path shots = Path.of("target", "playwright");
    Files.createDirectories(shots);
    List<String> console = new ArrayList<>();
    try (Playwright pw =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            pw.chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS))) {
      Page page =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)).newPage();
      page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));

      page.navigate(base("/login").toString());
      page.fill("input[name=username]", "analyst");
      page.fill("input[name=password]", PASSWORD);
      page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("1-login.png")));
      page.click("button[type=submit]");
      page.waitForURL("**/queue");
      assertThat(page.locator("tr.item.current").getAttribute("data-listing"))
          .as("the first row is current")
          .isEqualTo("chosi:1");

      page.keyboard().press("j");
      assertThat(page.locator("tr.item.current").getAttribute("data-listing")).isEqualTo("chosi:2");
      page.keyboard().press("j");
      page.keyboard().press("k");
      assertThat(page.locator("tr.item.current").getAttribute("data-listing")).isEqualTo("chosi:2");
      page.screenshot(
          new Page.ScreenshotOptions().setPath(shots.resolve("2-queue-current-row.png")));

      page.keyboard().press("c");
      assertThat(page.evaluate("document.activeElement.name"))
          .as("c focuses the confirm note")
          .isEqualTo("note");
      page.keyboard().type("thuốc lá điện tử, hàng cấm");
      page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("3-confirm-note.png")));
      page.keyboard().press("Enter");
      page.waitForURL("**/queue");
      page.waitForSelector("p.done-note");
      assertThat(page.locator("tr.item[data-listing='chosi:2']").count())
          .as("left the queue")
          .isZero();
      assertThat(page.locator("tr.item[data-listing='chosi:1']").count()).isEqualTo(1);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(shots.resolve("4-queue-after-confirm.png")));

      assertThat(column("SELECT state FROM reviews WHERE listing_id = 'chosi:2'"))
          .containsExactly("confirmed");
      assertThat(
              column(
                  "SELECT decided_by || '|' || reason_code || '|' || note FROM decisions"
                      + " WHERE listing_id = 'chosi:2'"))
          .containsExactly("analyst|counterfeit_confirmed|thuốc lá điện tử, hàng cấm");
      assertThat(
              column(
                  "SELECT actor FROM audit_log WHERE action = 'decision' AND subject = 'chosi:2'"))
          .containsExactly("analyst");

      // o opens the current listing; on the listing page the decision is shown
      page.keyboard().press("o");
      page.waitForURL(java.util.regex.Pattern.compile(".*/listing\\?id=chosi(%3A|:)1$"));
      page.screenshot(
          new Page.ScreenshotOptions().setPath(shots.resolve("5-listing.png")).setFullPage(true));
      page.navigate(base("/listing?id=chosi:2").toString());
      assertThat(page.locator(".review-panel .state").textContent()).isEqualTo("Đã xác nhận");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(shots.resolve("6-decided-listing.png"))
              .setFullPage(true));
    }
    assertThat(console)
        .as("no CSP violation or script error")
        .noneMatch(m -> m.startsWith("error"));
    assertThat(Files.size(shots.resolve("4-queue-after-confirm.png"))).isPositive();
  }
}
